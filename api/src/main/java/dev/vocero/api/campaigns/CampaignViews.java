package dev.vocero.api.campaigns;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vocero.store.campaigns.CampaignRow;
import dev.vocero.workflows.campaigns.CampaignProgress;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What the campaign endpoints answer. */
public final class CampaignViews {
  private CampaignViews() {}

  public record Schedule(LocalDate startDate, LocalDate endDate, List<String> weekdays, String windowStart,
      String windowEnd, String timeZone) {}

  public record Campaign(UUID id, String name, String state, Schedule schedule, int dailyQuota, int startedTotal,
      List<UUID> batchIds, Instant createdAt, Instant updatedAt, Instant scheduledAt, Instant endedAt,
      CampaignProgress progress) {

    static Campaign of(CampaignRow row, List<UUID> batchIds, CampaignProgress progress) {
      return new Campaign(row.id(), row.name(), row.state(), new Schedule(row.startDate(), row.endDate(),
          row.weekdays(), row.windowStart().toString(), row.windowEnd().toString(), row.timeZone()), row.dailyQuota(),
          row.startedTotal(), batchIds, row.createdAt(), row.updatedAt(), row.scheduledAt(), row.endedAt(), progress);
    }
  }

  public record Day(LocalDate day, int callsStarted, int callsFinished, JsonNode finishedByDisposition) {}

  public record Page<T>(List<T> items, int page, int pageSize, long total) {}
}
