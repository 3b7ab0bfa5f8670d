package dev.vocero.domain.spreadsheets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** 20,000 contacts go through the streaming writer; passes with -Dsurefire.argLine=-Xmx32m too. */
class BatchReportStreamingTest {
  static final int CONTACTS = 20_000;
  static final int REJECTED = 1_000;

  @Test
  void givenTwentyThousandContacts_whenWritten_itShouldCompleteWithEveryRowInTheFile() throws IOException {
    Path file = Files.createTempFile("batch-report", ".xlsx");
    try {
      BatchReportWriter.Summary summary = new BatchReportWriter.Summary("Masivo", "completed", Instant.now(), Instant.now(),
          CONTACTS, REJECTED, CONTACTS, CONTACTS, Map.of("answered_human", 15_000L, "no_answer", 5_000L));
      try (BatchReportWriter writer = new BatchReportWriter(summary); OutputStream out = Files.newOutputStream(file)) {
        for (int i = 0; i < CONTACTS; i++) {
          writer.addCall(call(i));
        }
        for (int i = 0; i < REJECTED; i++) {
          writer.addRejected(new BatchReportWriter.Rejected(CONTACTS + i + 2,
              List.of(new BatchReportWriter.Issue("Teléfono", "invalid_phone", "not a phone number")),
              Map.of("Nombre", "Fila " + i, "Teléfono", "12")));
        }
        writer.writeTo(out);
      }
      assertEquals(Map.of("xl/worksheets/sheet2.xml", CONTACTS + 1, "xl/worksheets/sheet3.xml", REJECTED + 1),
          Map.of("xl/worksheets/sheet2.xml", rows(file, "xl/worksheets/sheet2.xml"),
              "xl/worksheets/sheet3.xml", rows(file, "xl/worksheets/sheet3.xml")));
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private static BatchReportWriter.Call call(int i) {
    String phone = String.format("+57300%07d", i);
    Instant placed = Instant.parse("2026-11-10T14:00:00Z").plusSeconds(i);
    return new BatchReportWriter.Call(i + 2, "Contacto " + i, List.of(phone), "America/Bogota", "done",
        i % 4 == 0 ? "no_answer" : "answered_human", 2,
        List.of(new BatchReportWriter.Attempt(1, 0, "no_answer", placed, 0),
            new BatchReportWriter.Attempt(2, 0, i % 4 == 0 ? "no_answer" : "answered_human", placed.plusSeconds(3600), 35)),
        "done", "answered_human: person answered", BigDecimal.valueOf(1000 + i), LocalDate.of(2026, 12, 1));
  }

  /** Counts {@code <row } in one part of the file without loading it whole. */
  private static int rows(Path file, String part) throws IOException {
    byte[] pattern = "<row ".getBytes(StandardCharsets.US_ASCII);
    try (ZipFile zip = new ZipFile(file.toFile()); InputStream in = new BufferedInputStream(zip.getInputStream(zip.getEntry(part)))) {
      return count(in, pattern);
    }
  }

  private static int count(InputStream in, byte[] pattern) throws IOException {
    int found = 0;
    int matched = 0;
    for (int b; (b = in.read()) != -1; ) {
      matched = b == pattern[matched] ? matched + 1 : (b == pattern[0] ? 1 : 0);
      if (matched == pattern.length) {
        found++;
        matched = 0;
      }
    }
    return found;
  }
}
