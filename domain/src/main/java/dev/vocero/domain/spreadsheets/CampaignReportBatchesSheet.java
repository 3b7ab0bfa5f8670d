package dev.vocero.domain.spreadsheets;

import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/** Sheet "Lotes": the campaign's call batches with their ended attempts by outcome, then its message waves. */
final class CampaignReportBatchesSheet {
  static final List<String> WAVE_HEADERS = List.of("Oleada de mensajes", "Canal", "Estado", "Enviados", "Omitidos",
      "Fallidos", "Motivo de la pausa");

  private CampaignReportBatchesSheet() {}

  static void write(Sheet sheet, List<CampaignReportWriter.Batch> batches, List<CampaignReportWriter.Wave> waves,
      BatchReportCells cells) {
    List<String> dispositions = CampaignReportLabels.keys(
        batches.stream().map(CampaignReportWriter.Batch::attemptsByDisposition).toList());
    List<String> headers = new ArrayList<>(List.of("Lote", "Estado", "Contactos", "Contactos iniciados",
        "Contactos terminados", "Intentos terminados"));
    dispositions.forEach(d -> headers.add("Intentos: " + BatchReportLabels.disposition(d)));
    sheet.setColumnWidth(0, 32 * 256);
    for (int column = 1; column < Math.max(headers.size(), WAVE_HEADERS.size()); column++) {
      sheet.setColumnWidth(column, 18 * 256);
    }
    cells.headers(sheet, 0, headers);
    int r = 1;
    for (CampaignReportWriter.Batch batch : batches) {
      Row row = sheet.createRow(r++);
      cells.text(row, 0, batch.name());
      cells.text(row, 1, BatchReportLabels.batchStatus(batch.status()));
      cells.number(row, 2, batch.contacts());
      cells.number(row, 3, batch.started());
      cells.number(row, 4, batch.finished());
      cells.number(row, 5, batch.attemptsByDisposition().values().stream().mapToLong(Long::longValue).sum());
      for (int i = 0; i < dispositions.size(); i++) {
        cells.number(row, 6 + i, batch.attemptsByDisposition().getOrDefault(dispositions.get(i), 0L));
      }
    }
    cells.headers(sheet, r + 1, WAVE_HEADERS);
    r += 2;
    for (CampaignReportWriter.Wave wave : waves) {
      Row row = sheet.createRow(r++);
      cells.text(row, 0, wave.name());
      cells.text(row, 1, CampaignReportLabels.channel(wave.channel()));
      cells.text(row, 2, CampaignReportLabels.waveStatus(wave.status()));
      cells.number(row, 3, wave.sent());
      cells.number(row, 4, wave.skipped());
      cells.number(row, 5, wave.failed());
      cells.text(row, 6, wave.pauseReason());
    }
  }
}
