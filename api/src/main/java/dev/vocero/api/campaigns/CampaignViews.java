package dev.vocero.api.campaigns;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vocero.domain.compliance.PolicySettings;
import dev.vocero.store.campaigns.CampaignRow;
import io.swagger.v3.oas.annotations.media.Schema;
import dev.vocero.store.messaging.WaveRow;
import dev.vocero.workflows.campaigns.CampaignProgress;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the campaign endpoints answer. */
public final class CampaignViews {
  private CampaignViews() {}

  public record Schedule(LocalDate startDate, LocalDate endDate, List<String> weekdays, String windowStart,
      String windowEnd, String timeZone) {}

  /**
   * @param pauseReason why the campaign paused itself: no_credit (top up, then resume); null when paused by a person
   * @param contactPolicy the campaign's own limits on top of its batches' policies (its batches and waves), with any
   *     audited override; null if none
   */
  public record Campaign(UUID id, String name, String state, String pauseReason, Schedule schedule, int dailyQuota,
      Map<String, Integer> messageQuotas, int startedTotal, List<UUID> batchIds, List<Wave> waves, Instant createdAt,
      Instant updatedAt, Instant scheduledAt, Instant endedAt, CampaignProgress progress,
      PolicySettings contactPolicy) {

    static Campaign of(CampaignRow row, List<UUID> batchIds, List<Wave> waves, Map<String, Integer> quotas,
        CampaignProgress progress, PolicySettings contactPolicy) {
      return new Campaign(row.id(), row.name(), row.state(), row.pauseReason(), new Schedule(row.startDate(),
          row.endDate(), row.weekdays(), row.windowStart().toString(), row.windowEnd().toString(), row.timeZone()),
          row.dailyQuota(), quotas, row.startedTotal(), batchIds, waves,
          row.createdAt(), row.updatedAt(), row.scheduledAt(), row.endedAt(), progress, contactPolicy);
    }
  }

  /**
   * A wave of the campaign as stored: status held until the campaign first starts it. {@code counts}: its messages by
   * state, as {@code GET /api/v1/messages/waves/{id}} answers them (skipped ones as {@code skipped_<error>}, those the
   * contact policy defers as {@code waiting}).
   */
  public record Wave(UUID id, String name, String channel, UUID batchId, String disposition, int perMinute,
      String status, boolean waitsForBatch,
      @Schema(description = "messages by state, as the wave's own endpoint counts them: pending, processing, sent,"
          + " delivered, read, failed, waiting (deferred by the contact policy), skipped_<reason>")
      Map<String, Long> counts,
      @Schema(description = "the waiting messages by the contact-policy rule that defers them, with when the gate"
          + " lets them go")
      List<Waiting> waitingByRule) {

    static Wave of(WaveRow row, Map<String, Long> counts, List<Waiting> waiting) {
      return new Wave(row.id(), row.name(), row.channel(), row.sourceBatchId(), row.disposition(), row.perMinute(),
          row.status(), row.disposition() != null, counts, waiting);
    }

    /** How many of its messages are in one of {@code states} (keys of {@link #counts()}). */
    public long count(String... states) {
      long sum = 0;
      for (String state : states) {
        sum += counts == null ? 0 : counts.getOrDefault(state, 0L);
      }
      return sum;
    }

    /** Its messages skipped for any reason ({@code skipped_dnc}, {@code skipped_policy}...). */
    public long skippedTotal() {
      return counts == null ? 0 : counts.entrySet().stream().filter(e -> e.getKey().startsWith("skipped_"))
          .mapToLong(Map.Entry::getValue).sum();
    }
  }

  /**
   * {@code messages} of a wave waiting under {@code ruleId}; {@code from} and {@code until}: the earliest and latest
   * time the contact policy lets them go (null when its ledger no longer says).
   */
  public record Waiting(String ruleId, long messages, Instant from, Instant until) {}

  public record Day(LocalDate day, int callsStarted, int callsFinished, JsonNode finishedByDisposition,
      int messagesSent, JsonNode messagesByStatus) {}

}
