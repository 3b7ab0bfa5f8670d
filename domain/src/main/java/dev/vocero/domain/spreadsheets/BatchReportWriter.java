package dev.vocero.domain.spreadsheets;

import dev.vocero.domain.compliance.PolicySettings;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The Excel report of a call batch ("Resumen", "Llamadas", "Rechazadas"), written with POI's streaming
 * workbook: at most {@value #WINDOW} rows per sheet stay in memory, the rest go to temporary files. Add the
 * calls and rejected rows in order, then {@link #writeTo}; always {@link #close} to delete the temporary files.
 * Phone numbers are masked here, whatever the caller passes.
 */
public final class BatchReportWriter implements AutoCloseable {
  static final String SUMMARY = "Resumen";
  static final String CALLS = "Llamadas";
  static final String REJECTED = "Rechazadas";
  static final List<String> CALL_HEADERS = List.of("Fila", "Nombre", "Teléfonos", "Zona horaria", "Estado", "Resultado",
      "Código de resultado", "Intentos", "Historial de intentos", "Última decisión", "Motivo", "Monto", "Fecha de vencimiento");
  static final List<String> REJECTED_HEADERS = List.of("Fila", "Problemas", "Valores originales (JSON)");
  private static final int WINDOW = 100;
  private static final int[] CALL_WIDTHS = {7, 28, 30, 20, 12, 24, 18, 9, 70, 22, 50, 14, 14};
  private static final int[] REJECTED_WIDTHS = {7, 60, 90};

  /**
   * The batch as a whole; {@code byDisposition} counts contacts by final disposition ("pending" if unfinished);
   * {@code contactPolicy} the batch's own limits and any audited override of its jurisdiction's policy (null: none).
   */
  public record Summary(String name, String status, Instant createdAt, Instant completedAt, int contacts, int rejected,
      int started, int finished, Map<String, Long> byDisposition, PolicySettings contactPolicy) {
    public Summary(String name, String status, Instant createdAt, Instant completedAt, int contacts, int rejected,
        int started, int finished, Map<String, Long> byDisposition) {
      this(name, status, createdAt, completedAt, contacts, rejected, started, finished, byDisposition, null);
    }
  }

  /** One dial attempt; {@code phoneIndex} 0 for the contact's first phone. */
  public record Attempt(int number, int phoneIndex, String disposition, Instant placedAt, Integer durationSeconds) {}

  /** One contact; {@code phones} in E.164 (written masked), {@code lastDecision}/{@code lastReason} from the decision log. */
  public record Call(int row, String name, List<String> phones, String timeZone, String status, String disposition,
      int attempts, List<Attempt> history, String lastDecision, String lastReason, BigDecimal amount, LocalDate dueDate) {}

  /** Why a row was rejected; {@code column} is the header as written in the file. */
  public record Issue(String column, String code, String message) {}

  /** A row of the uploaded file that did not become a contact, with its values by header. */
  public record Rejected(int row, List<Issue> issues, Map<String, String> values) {}

  private final SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
  private final BatchReportCells cells;
  private final SXSSFSheet calls;
  private final SXSSFSheet rejected;
  private int callRows;
  private int rejectedRows;

  public BatchReportWriter(Summary summary) {
    try {
      cells = new BatchReportCells(workbook);
      BatchReportSummarySheet.write(workbook.createSheet(SUMMARY), summary, cells);
      calls = table(CALLS, CALL_HEADERS, CALL_WIDTHS);
      rejected = table(REJECTED, REJECTED_HEADERS, REJECTED_WIDTHS);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  public void addCall(Call call) {
    Row row = calls.createRow(++callRows);
    cells.number(row, 0, call.row());
    cells.text(row, 1, call.name());
    cells.text(row, 2, BatchReportText.phones(call.phones()));
    cells.text(row, 3, call.timeZone());
    cells.text(row, 4, BatchReportLabels.contactStatus(call.status()));
    cells.text(row, 5, BatchReportLabels.disposition(call.disposition()));
    cells.text(row, 6, call.disposition());
    cells.number(row, 7, call.attempts());
    cells.text(row, 8, BatchReportText.history(call.history(), call.timeZone()));
    cells.text(row, 9, BatchReportLabels.decision(call.lastDecision()));
    cells.text(row, 10, call.lastReason());
    cells.money(row, 11, call.amount());
    cells.date(row, 12, call.dueDate());
  }

  public void addRejected(Rejected row) {
    Row cellsRow = rejected.createRow(++rejectedRows);
    cells.number(cellsRow, 0, row.row());
    cells.text(cellsRow, 1, BatchReportText.issues(row.issues()));
    cells.text(cellsRow, 2, BatchReportText.values(row));
  }

  /** Writes the finished workbook; the stream is left open. */
  public void writeTo(OutputStream out) throws IOException {
    calls.setAutoFilter(new CellRangeAddress(0, callRows, 0, CALL_HEADERS.size() - 1));
    rejected.setAutoFilter(new CellRangeAddress(0, rejectedRows, 0, REJECTED_HEADERS.size() - 1));
    workbook.write(out);
  }

  /** Deletes the temporary files. */
  @Override
  public void close() {
    workbook.dispose();
    try {
      workbook.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private SXSSFSheet table(String name, List<String> headers, int[] widths) {
    SXSSFSheet sheet = workbook.createSheet(name);
    for (int column = 0; column < widths.length; column++) {
      sheet.setColumnWidth(column, widths[column] * 256);
    }
    cells.headers(sheet, 0, headers);
    sheet.createFreezePane(0, 1);
    return sheet;
  }
}
