package dev.vocero.workers;

import dev.vocero.store.accounts.OrganizationDao;
import dev.vocero.store.calls.AttemptDao;
import dev.vocero.store.calls.BatchDao;
import dev.vocero.store.calls.ContactDao;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jdbi.v3.core.Jdbi;

/** Test data for the call-batch tests: contact lists as real xlsx, and a placed attempt straight in PostgreSQL. */
public final class CallFixtures {
  private CallFixtures() {}

  /** An xlsx whose first sheet holds these rows (first row = headers), every cell as text. */
  public static byte[] workbook(List<List<String>> rows) throws IOException {
    try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = wb.createSheet("Deudores");
      for (int r = 0; r < rows.size(); r++) {
        Row row = sheet.createRow(r);
        for (int c = 0; c < rows.get(r).size(); c++) {
          row.createCell(c).setCellValue(rows.get(r).get(c));
        }
      }
      wb.write(out);
      return out.toByteArray();
    }
  }

  /** An organization, a batch with one contact (+573001234560) and one attempt already placed; returns the attempt id. */
  public static UUID placedAttempt(Jdbi jdbi, String provider, String providerCallId) {
    UUID org = UUID.randomUUID();
    UUID batch = UUID.randomUUID();
    jdbi.useExtension(OrganizationDao.class, dao -> dao.insert(org, "Org"));
    jdbi.useExtension(BatchDao.class, dao -> dao.insert(batch, org, "B", "{}", "x.csv", "csv", 1, 1, 0, null));
    jdbi.useExtension(ContactDao.class, dao -> dao.insertAll(org, batch, List.of(new ContactDao.NewContact(2, "Ana",
        List.of("+573001234560"), null, null, "America/Bogota", null, null, "{}"))));
    long contact = jdbi.withExtension(ContactDao.class, dao -> dao.idsAfter(org, batch, 0, 1)).get(0);
    UUID attemptId = UUID.randomUUID();
    jdbi.useExtension(AttemptDao.class, dao -> {
      dao.insertPlanned(attemptId, org, batch, contact, 1, 0, "+573001234560");
      dao.markPlaced(org, attemptId, provider, providerCallId);
    });
    return attemptId;
  }
}
