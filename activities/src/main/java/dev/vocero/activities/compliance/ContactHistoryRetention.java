package dev.vocero.activities.compliance;

import dev.vocero.store.SharedDaos;
import dev.vocero.store.persons.PersonDao;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * Forgets the contact gate's decisions older than each jurisdiction's retention period (see
 * {@code RetentionPeriods}: never below the policy's legal floor). Idempotent: several processes may run it.
 */
public final class ContactHistoryRetention {
  private final Jdbi jdbi;
  private final Map<String, Duration> periods;
  private final Clock clock;

  public ContactHistoryRetention(Jdbi jdbi, Map<String, Duration> periods, Clock clock) {
    this.jdbi = jdbi;
    this.periods = Map.copyOf(periods);
    this.clock = clock;
  }

  /** Deletes what is past its period; returns how many decisions were forgotten per jurisdiction. */
  public Map<String, Integer> purge() {
    Instant now = clock.instant();
    Map<String, Integer> purged = new java.util.TreeMap<>();
    periods.forEach((jurisdiction, period) -> purged.put(jurisdiction,
        SharedDaos.of(jdbi).with(PersonDao.class, dao -> dao.purge(jurisdiction, now.minus(period)))));
    return purged;
  }
}
