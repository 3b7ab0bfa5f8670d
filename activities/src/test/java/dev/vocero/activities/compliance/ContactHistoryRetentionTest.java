package dev.vocero.activities.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vocero.domain.compliance.RetentionPeriods;
import dev.vocero.store.TestDatabase;
import dev.vocero.store.accounts.OrganizationDao;
import dev.vocero.store.persons.PersonDao;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** Real PostgreSQL: retention forgets each jurisdiction's decisions after its own period, never before its floor. */
class ContactHistoryRetentionTest {
  static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

  @Test
  void givenChileanAndColombianHistory_itShouldKeepChileTwoYearsAndColombiaItsConfiguredPeriod() {
    Jdbi jdbi = TestDatabase.fresh().jdbi();
    UUID org = UUID.randomUUID();
    jdbi.useExtension(OrganizationDao.class, dao -> dao.insert(org, "Org " + org));
    long person = jdbi.withHandle(h -> h.createUpdate("insert into persons (org_id, key_kind, key_hash)"
        + " values (:o, 'row', 'row:1')").bind("o", org).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    for (int days : List.of(10, 400, 729, 731)) {
      entry(jdbi, org, person, "CL@2026-12-07", days);
      entry(jdbi, org, person, "CO@2026-12-07+batch", days);
    }
    ContactHistoryRetention retention = new ContactHistoryRetention(jdbi, RetentionPeriods.of(Map.of("CO", 500)),
        Clock.fixed(NOW, ZoneOffset.UTC));

    Map<String, Integer> purged = retention.purge();

    assertEquals(1, purged.get("CL"));
    assertEquals(2, purged.get("CO"));
    assertEquals(List.of("CL@2026-12-07:10", "CL@2026-12-07:400", "CL@2026-12-07:729", "CO@2026-12-07+batch:10",
        "CO@2026-12-07+batch:400"), jdbi.withHandle(h -> h.createQuery("select policy || ':' || reason"
        + " from person_contacts where org_id = :o order by policy, at desc").bind("o", org).mapTo(String.class)
        .list()));
    assertEquals(Map.of("CL", 0, "CO", 0, "CUSTOM", 0, "ES", 0, "MX", 0, "US", 0), retention.purge());
  }

  private static void entry(Jdbi jdbi, UUID org, long person, String policy, int daysAgo) {
    jdbi.useExtension(PersonDao.class, dao -> dao.insert(org, new PersonDao.Entry(person, "call", "allow",
        "cl.hours", policy, String.valueOf(daysAgo), null, null, null, null, null, null, null,
        NOW.minus(Duration.ofDays(daysAgo)))));
  }
}
