package dev.vocero.domain.compliance;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A batch's {@link PolicySettings} against its base policy: which values would loosen it (refused unless overridden),
 * and the policy the gate then uses. Tightening only adds rules ({@code batch.*}), so it can never allow more than the
 * base; an override replaces the base's rules of the same kind ({@code override.*}).
 */
public final class PolicyTightening {
  private static final Set<ContactChannel> CALLS = Set.of(ContactChannel.CALL);
  private static final Set<ContactChannel> MESSAGES = Set.of(ContactChannel.SMS, ContactChannel.WHATSAPP);
  private static final Duration DAY = Duration.ofDays(1);
  private static final Duration WEEK = Duration.ofDays(7);
  private static final Instant REFERENCE_MONDAY = Instant.parse("2026-01-05T00:00:00Z");

  /** Whose settings tighten the policy: a batch's, or a campaign's (applied before its batches'). */
  public enum Scope {
    BATCH("batch"), CAMPAIGN("campaign"),
    /** An organisation's default limits for CUSTOM batches: no override, no windows. */
    ORGANISATION("organisation");

    final String word;

    Scope(String word) {
      this.word = word;
    }

    String prefix(boolean override) {
      return switch (this) {
        case BATCH -> override ? "override." : "batch.";
        case CAMPAIGN -> override ? "campaign-override." : "campaign.";
        case ORGANISATION -> "org.";
      };
    }
  }

  /** One value that would loosen the policy: the settings field and why. */
  public record Loosening(String field, String message) {}

  private PolicyTightening() {
  }

  /** Every value of {@code settings} that allows more than {@code base}; empty when the settings only tighten it. */
  public static List<Loosening> loosenings(ContactPolicy base, PolicySettings settings) {
    return loosenings(base, settings, ContactPolicies.windowRules(base.jurisdiction()));
  }

  /** As above; {@code baseHours} are the hours the windows may not exceed (a CUSTOM batch's own customWindows). */
  public static List<Loosening> loosenings(ContactPolicy base, PolicySettings settings, List<String> baseHours) {
    List<Loosening> found = new ArrayList<>();
    limit(found, base, "callsPerDay", settings.callsPerDay(), CALLS, DAY);
    limit(found, base, "callsPerWeek", settings.callsPerWeek(), CALLS, WEEK);
    limit(found, base, "messagesPerDay", settings.messagesPerDay(), MESSAGES, DAY);
    limit(found, base, "messagesPerWeek", settings.messagesPerWeek(), MESSAGES, WEEK);
    gap(found, base, "minHoursBetweenCalls", settings.minHoursBetweenCalls(), CALLS);
    gap(found, base, "minHoursBetweenMessages", settings.minHoursBetweenMessages(), MESSAGES);
    if (settings.windows() != null && !settings.windows().isEmpty()) {
      windows(found, base, settings.windows(), baseHours);
    }
    return found;
  }

  /** The policy the gate uses; {@code holidays} is the base's holiday calendar (kept when windows change). */
  public static ContactPolicy apply(ContactPolicy base, PolicySettings settings, String holidays) {
    return apply(base, settings, holidays, Scope.BATCH);
  }

  /**
   * As above for a batch's or a campaign's settings: a campaign's rules are {@code campaign.*} (an override's
   * {@code campaign-override.*}) and its policy version ends {@code +campaign} ({@code +campaign-override}).
   */
  public static ContactPolicy apply(ContactPolicy base, PolicySettings settings, String holidays, Scope scope) {
    boolean override = settings.overridden();
    String prefix = scope.prefix(override);
    String citation = override ? "override by an administrator: " + settings.override().reason()
        : scope == Scope.ORGANISATION
        ? "the organisation's default limits for CUSTOM batches (stricter than " + base.jurisdiction() + ")"
        : "the " + scope.word + "'s contactPolicy settings (stricter than " + base.jurisdiction() + ")";
    List<PolicyRule.Limit> limits = new ArrayList<>(base.limits());
    List<PolicyRule.Gap> gaps = new ArrayList<>(base.gaps());
    addLimit(limits, override, prefix + "calls-per-day", citation, settings.callsPerDay(), CALLS, DAY);
    addLimit(limits, override, prefix + "calls-per-week", citation, settings.callsPerWeek(), CALLS, WEEK);
    addLimit(limits, override, prefix + "messages-per-day", citation, settings.messagesPerDay(), MESSAGES, DAY);
    addLimit(limits, override, prefix + "messages-per-week", citation, settings.messagesPerWeek(), MESSAGES, WEEK);
    addGap(gaps, override, prefix + "hours-between-calls", citation, settings.minHoursBetweenCalls(), CALLS);
    addGap(gaps, override, prefix + "hours-between-messages", citation, settings.minHoursBetweenMessages(), MESSAGES);
    PolicyRule.Window window = base.window();
    CallingWindows windows = base.windows();
    if (settings.windows() != null && !settings.windows().isEmpty()) {
      window = new PolicyRule.Window(prefix + "hours", citation);
      windows = CallingWindows.custom(settings.windows(), holidays);
    }
    return new ContactPolicy(base.jurisdiction(), base.version() + "+" + prefix.substring(0, prefix.length() - 1),
        base.title(),
        window, windows, List.copyOf(limits), List.copyOf(gaps), base.quiet(), base.spread(), base.counting(),
        base.retention());
  }

  /** A CUSTOM policy with the organisation's default limits (stricter only; windows and override are not taken). */
  public static ContactPolicy applyOrganizationDefaults(ContactPolicy custom, PolicySettings defaults) {
    PolicySettings limits = new PolicySettings(defaults.callsPerDay(), defaults.callsPerWeek(),
        defaults.messagesPerDay(), defaults.messagesPerWeek(), defaults.minHoursBetweenCalls(),
        defaults.minHoursBetweenMessages(), null, null);
    return apply(custom, limits, null, Scope.ORGANISATION);
  }

  private static void addLimit(List<PolicyRule.Limit> limits, boolean override, String id, String citation,
      Integer max, Set<ContactChannel> channels, Duration period) {
    if (max == null) {
      return;
    }
    if (override) {
      limits.removeIf(l -> l.period().equals(period) && l.channels().stream().anyMatch(channels::contains));
    }
    limits.add(new PolicyRule.Limit(id, citation, channels, max, period));
  }

  private static void addGap(List<PolicyRule.Gap> gaps, boolean override, String id, String citation, Integer hours,
      Set<ContactChannel> channels) {
    if (hours == null) {
      return;
    }
    if (override) {
      gaps.removeIf(g -> g.channels().stream().anyMatch(channels::contains));
    }
    if (hours > 0) {
      gaps.add(new PolicyRule.Gap(id, citation, channels, Duration.ofHours(hours)));
    }
  }

  /** The most contacts on any of {@code channels} the base allows within {@code period}: its strictest limit. */
  private static void limit(List<Loosening> found, ContactPolicy base, String field, Integer max,
      Set<ContactChannel> channels, Duration period) {
    if (max == null) {
      return;
    }
    for (PolicyRule.Limit l : base.limits()) {
      if (l.channels().stream().anyMatch(channels::contains)) {
        long allowed = l.period().compareTo(period) >= 0 ? l.max()
            : l.max() * ((period.toSeconds() + l.period().toSeconds() - 1) / l.period().toSeconds());
        if (max > allowed) {
          found.add(new Loosening(field, "allows more than " + l.id() + " (at most " + allowed + " within "
              + period.toDays() + " days); send an override to loosen it"));
          return;
        }
      }
    }
  }

  private static void gap(List<Loosening> found, ContactPolicy base, String field, Integer hours,
      Set<ContactChannel> channels) {
    if (hours == null) {
      return;
    }
    for (PolicyRule.Gap g : base.gaps()) {
      if (g.channels().stream().anyMatch(channels::contains) && Duration.ofHours(hours).compareTo(g.min()) < 0) {
        found.add(new Loosening(field, "is shorter than " + g.id() + " (" + g.min().toHours()
            + " hours); send an override to loosen it"));
        return;
      }
    }
  }

  /** Every minute of a reference week the requested hours open must be open under the base's weekly hours too. */
  private static void windows(List<Loosening> found, ContactPolicy base, List<String> requested,
      List<String> baseRules) {
    if (baseRules == null || baseRules.isEmpty()) {
      return;
    }
    CallingWindows asked = CallingWindows.custom(requested, null);
    CallingWindows allowed = CallingWindows.custom(baseRules, null);
    for (int minute = 0; minute < 7 * 24 * 60; minute++) {
      Instant at = REFERENCE_MONDAY.plus(Duration.ofMinutes(minute));
      if (asked.allows(at, ZoneOffset.UTC) && !allowed.allows(at, ZoneOffset.UTC)) {
        DayOfWeek day = at.atZone(ZoneOffset.UTC).getDayOfWeek();
        found.add(new Loosening("windows", "opens " + day + " " + at.atZone(ZoneOffset.UTC).toLocalTime()
            + ", outside " + base.window().id() + " (" + String.join(", ", baseRules)
            + "); send an override to loosen it"));
        return;
      }
    }
  }
}
