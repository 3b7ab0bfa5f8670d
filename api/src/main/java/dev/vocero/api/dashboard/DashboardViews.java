package dev.vocero.api.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** JSON of GET /api/v1/dashboard/overview; every field is described in docs/features/dashboard.md. */
public final class DashboardViews {
  private DashboardViews() {}

  public record Overview(Instant generatedAt, LocalDate day, String timeZone, Campaigns campaigns, Batches batches, Calls calls,
      Messages messages, Credits credits, Audio audio, Alerts alerts) {}

  public record Campaigns(Map<String, Long> byState, List<RunningCampaign> running) {}

  /** {@code startedToday}: contacts whose first call was placed since midnight in the campaign's own time zone. */
  public record RunningCampaign(UUID id, String name, String timeZone, int dailyQuota, long startedToday) {}

  public record Batches(Map<String, Long> byStatus) {}

  /** {@code started}: dial attempts placed today; {@code finished}: attempts that ended today, by disposition. */
  public record Calls(long started, long finished, Map<String, Long> finishedByDisposition) {}

  /** Outbound messages created today, by their current status. */
  public record Messages(long total, Map<String, Long> byStatus) {}

  public record Credits(long balance, long reserved, long available, boolean enforced) {}

  /** Audios whose processing ended today. */
  public record Audio(long completed, long failed) {}

  /** Unresolved alerts: {@code open} has no assignee yet. */
  public record Alerts(long open, long assigned) {}

  /** Every known code with 0 first, so a client draws the same bars every time; codes unknown here are kept. */
  static Map<String, Long> withZeros(List<String> known, Map<String, Long> counts) {
    Map<String, Long> all = new LinkedHashMap<>();
    known.forEach(code -> all.put(code, 0L));
    all.putAll(counts);
    return all;
  }
}
