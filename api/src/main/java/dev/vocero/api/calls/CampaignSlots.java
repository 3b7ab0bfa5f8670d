package dev.vocero.api.calls;

import dev.vocero.domain.compliance.ContactChannel;
import dev.vocero.workflows.campaigns.CampaignCalendar;
import dev.vocero.workflows.campaigns.CampaignSchedule;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a campaign adds to the launch preview of its batches and waves, as {@code CampaignWorkflow} does it: a batch
 * starts contacts only inside the campaign's windows ({@link CampaignCalendar}, the workflow's own), at most
 * {@code dailyQuota} a window across all its batches; a wave sends inside them, at most its channel's quota a window.
 * Retries of a started contact follow the batch's own rules (the campaign holds a batch by pausing it, which stops new
 * contacts only). One instance per preview of a campaign, shared by its batches and waves, so they share its quotas.
 */
public final class CampaignSlots {
  public static final String SCHEDULE_OVER = "campaign.schedule";

  private final CampaignCalendar calendar;
  private final Map<String, Integer> quotas = new HashMap<>();
  private final Map<String, Map<LocalDate, Integer>> used = new HashMap<>();

  /** {@code callQuota} and each channel's quota in {@code messageQuotas}: 0 or absent means none. */
  public CampaignSlots(CampaignSchedule schedule, int callQuota, Map<String, Integer> messageQuotas) {
    this.calendar = new CampaignCalendar(schedule);
    quotas.put(ContactChannel.CALL.wire(), callQuota);
    if (messageQuotas != null) {
      messageQuotas.forEach((channel, quota) -> quotas.put(channel, quota == null ? 0 : quota));
    }
  }

  /**
   * The campaign's window in which a contact on {@code channel} asked for at {@code at} can start: the one in progress
   * or the next, skipping those whose quota is used up; empty when the campaign has none left.
   */
  Optional<CampaignCalendar.Window> window(ContactChannel channel, Instant at) {
    int quota = quotas.getOrDefault(channel.wire(), 0);
    Instant from = at;
    while (true) {
      Optional<CampaignCalendar.Window> next = calendar.next(from);
      if (next.isEmpty() || quota <= 0 || usedOn(channel, next.get().date()) < quota) {
        return next;
      }
      from = next.get().end();
    }
  }

  /** The earliest instant a contact can start in {@code window} when asked for at {@code at}. */
  static Instant startIn(CampaignCalendar.Window window, Instant at) {
    return at.isBefore(window.start()) ? window.start() : at;
  }

  /** One more contact on {@code channel} in the window of {@code date}. */
  void take(ContactChannel channel, LocalDate date) {
    used.computeIfAbsent(channel.wire(), k -> new HashMap<>()).merge(date, 1, Integer::sum);
  }

  private int usedOn(ContactChannel channel, LocalDate date) {
    return used.getOrDefault(channel.wire(), Map.of()).getOrDefault(date, 0);
  }
}
