package dev.vocero.api.audit;

import dev.vocero.store.audit.AuditEntry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BiFunction;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The trail as CSV, page by page; text that a spreadsheet would run as a formula is quoted with a leading '. */
final class AuditCsv {
  static final int CHUNK = 1000;
  static final int MAX_ROWS = 100_000;
  private static final String[] HEADER = {"id", "at", "actor_type", "actor_id", "actor_label", "action", "object_type",
      "object_id", "changes", "status", "client_ip"};

  private AuditCsv() {}

  /** {@code pages}: (limit, offset) → rows, newest first. */
  static void write(OutputStream out, BiFunction<Integer, Integer, List<AuditEntry>> pages) throws IOException {
    CSVPrinter csv = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
        CSVFormat.DEFAULT.builder().setHeader(HEADER).get());
    for (int offset = 0; offset < MAX_ROWS; offset += CHUNK) {
      List<AuditEntry> rows = pages.apply(CHUNK, offset);
      for (AuditEntry row : rows) {
        csv.printRecord(row.id(), row.at(), row.actorType(), row.actorId(), safe(row.actorLabel()), row.action(),
            row.objectType(), safe(row.objectId()), safe(row.changes()), row.status(), row.clientIp());
      }
      if (rows.size() < CHUNK) {
        break;
      }
    }
    csv.flush();
  }

  private static String safe(String text) {
    return text != null && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
  }
}
