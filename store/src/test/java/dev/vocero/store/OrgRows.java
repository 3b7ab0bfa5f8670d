package dev.vocero.store;

import dev.vocero.store.accounts.OrganizationDao;
import dev.vocero.store.calls.BatchDao;
import dev.vocero.store.calls.ContactDao;
import dev.vocero.store.campaigns.CampaignDao;
import dev.vocero.store.persons.PersonDao;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * A new organisation and the rows the tests above the store hang theirs on (batches, contacts, campaigns), written
 * straight to PostgreSQL: the short way round an upload.
 */
public final class OrgRows {
  private final Jdbi jdbi;
  private final UUID org = UUID.randomUUID();

  public OrgRows(Jdbi jdbi) {
    this.jdbi = jdbi;
    jdbi.useExtension(OrganizationDao.class, dao -> dao.insert(org, "Org " + org));
  }

  public UUID org() {
    return org;
  }

  /** A running batch with these settings (JSON) and no file behind it. */
  public UUID batch(String settings) {
    UUID id = UUID.randomUUID();
    jdbi.useExtension(BatchDao.class, dao -> dao.insert(id, org, "B", settings, "x.csv", "csv", 1, 1, 0, null));
    return id;
  }

  /** Adds the contact to the batch; returns its id. */
  public long contact(UUID batch, ContactDao.NewContact contact) {
    jdbi.useExtension(ContactDao.class, dao -> dao.insertAll(org, batch, List.of(contact)));
    return jdbi.withExtension(ContactDao.class, dao -> dao.idsAfter(org, batch, 0, Integer.MAX_VALUE)).stream()
        .reduce((a, b) -> b).orElseThrow();
  }

  /** A contact in Bogotá with one number, row 2, no person. */
  public long contact(UUID batch, String name, String phone) {
    return contact(batch, new ContactDao.NewContact(2, name, List.of(phone), null, null, "America/Bogota", null, null,
        "{}"));
  }

  /** The same, then every contact of the batch joined to its person as an upload does (by its key, else its row). */
  public long contactOfPerson(UUID batch, ContactDao.NewContact contact) {
    long id = contact(batch, contact);
    jdbi.useExtension(PersonDao.class, dao -> dao.attachBatch(org, batch));
    return id;
  }

  /** A draft campaign open Monday to Friday between {@code open} and {@code close}, with no daily quota. */
  public UUID weekdayCampaign(LocalDate start, LocalDate end, LocalTime open, LocalTime close, String timeZone) {
    UUID id = UUID.randomUUID();
    jdbi.useExtension(CampaignDao.class, dao -> dao.insert(id, org, "Campaign", start, end,
        List.of("MON", "TUE", "WED", "THU", "FRI"), open, close, timeZone, 0, "{}", null));
    return id;
  }
}
