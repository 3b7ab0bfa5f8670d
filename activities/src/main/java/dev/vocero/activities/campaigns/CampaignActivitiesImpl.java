package dev.vocero.activities.campaigns;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vocero.store.SharedDaos;
import dev.vocero.store.campaigns.CampaignDao;
import dev.vocero.store.campaigns.CampaignDao.DispositionCount;
import dev.vocero.workflows.campaigns.CampaignActivities;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** Mirrors campaign state and the daily roll-up into PostgreSQL; both writes are idempotent. */
public final class CampaignActivitiesImpl implements CampaignActivities {
  private final Jdbi jdbi;
  private final ObjectMapper json;

  public CampaignActivitiesImpl(Jdbi jdbi, ObjectMapper json) {
    this.jdbi = jdbi;
    this.json = json;
  }

  @Override
  public void recordState(StateChange change) {
    SharedDaos.of(jdbi).use(CampaignDao.class,
        dao -> dao.recordState(change.orgId(), change.campaignId(), change.state().wire(), change.startedTotal(),
            change.pauseReason()));
  }

  @Override
  public void recordDay(DayRollup day) {
    LocalDate date = LocalDate.parse(day.date());
    ZoneId zone = ZoneId.of(day.timeZone());
    jdbi.useTransaction(handle -> {
      CampaignDao dao = SharedDaos.attach(handle, CampaignDao.class);
      List<DispositionCount> counts = day.batchIds().isEmpty() ? List.of() : dao.finishedBetween(day.orgId(),
          day.batchIds(), date.atStartOfDay(zone).toInstant(), date.plusDays(1).atStartOfDay(zone).toInstant());
      Map<String, Long> byDisposition = new LinkedHashMap<>();
      counts.forEach(c -> byDisposition.put(c.disposition(), c.n()));
      int finished = (int) counts.stream().mapToLong(DispositionCount::n).sum();
      Map<String, Long> byStatus = new LinkedHashMap<>();
      if (day.waveIds() != null && !day.waveIds().isEmpty()) {
        dao.messagesBetween(day.orgId(), day.waveIds(), date.atStartOfDay(zone).toInstant(),
            date.plusDays(1).atStartOfDay(zone).toInstant()).forEach(c -> byStatus.put(c.disposition(), c.n()));
      }
      dao.upsertDay(day.campaignId(), day.orgId(), date, day.callsStarted(), finished, write(byDisposition),
          day.messagesSent(), write(byStatus));
    });
  }

  private String write(Map<String, Long> value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("roll-up not serializable", e);
    }
  }
}
