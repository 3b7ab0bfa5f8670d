package dev.vocero.domain.compliance;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Decides one contact of one person under a policy, from the person's earlier contacts on every channel: allow now,
 * wait until the first instant every rule allows, or block when no such instant comes. Pure: it never reads the clock.
 *
 * <p>A wait is reported under the rule that held the contact back longest on the way to that instant: a Colombian text
 * the day of a call waits a week under the one-channel-a-week rule, not a day under the once-a-day rule that was
 * met first.
 */
public final class ContactGate {
  private static final int MAX_ROUNDS = 32;

  private ContactGate() {
  }

  public static GateDecision decide(ContactPolicy policy, ContactChannel channel, Instant now, ZoneId zone,
      List<PastContact> history) {
    List<PastContact> counted = history.stream().filter(policy::counts)
        .sorted(Comparator.comparing(PastContact::at)).toList();
    Instant at = now;
    Hold first = null;
    Hold longest = null; // the hold that moved the time furthest: the rule the wait is reported under
    Duration longestDelay = Duration.ZERO;
    for (int round = 0; round < MAX_ROUNDS; round++) {
      Hold hold = firstHold(policy, channel, at, zone, counted, history);
      if (hold == null) {
        return first == null ? GateDecision.allow(policy.window().id())
            : new GateDecision(GateDecision.Verdict.WAIT, at, longest.ruleId(), longest.reason());
      }
      if (hold.until() == null) {
        return new GateDecision(GateDecision.Verdict.BLOCK, null, hold.ruleId(), hold.reason());
      }
      first = first == null ? hold : first;
      Duration delay = Duration.between(at, hold.until());
      if (longest == null || delay.compareTo(longestDelay) > 0) {
        longest = hold;
        longestDelay = delay;
      }
      at = hold.until();
    }
    return new GateDecision(GateDecision.Verdict.BLOCK, null, first.ruleId(), first.reason());
  }

  /** The first rule that does not allow a contact at {@code at}, with the instant it would; null when all allow. */
  private static Hold firstHold(ContactPolicy policy, ContactChannel channel, Instant at, ZoneId zone,
      List<PastContact> counted, List<PastContact> history) {
    Optional<Instant> open = policy.windows().nextStart(at, zone);
    if (open.isEmpty()) {
      return new Hold(policy.window().id(), null, "no calling window within 60 days");
    }
    if (open.get().isAfter(at)) {
      return new Hold(policy.window().id(), open.get(), "outside the calling window");
    }
    for (PolicyRule.Limit limit : policy.limits()) {
      if (limit.channels().contains(channel)) {
        List<PastContact> within = counted.stream().filter(c -> limit.channels().contains(c.channel())
            && c.at().isAfter(at.minus(limit.period()))).toList();
        if (within.size() >= limit.max()) {
          return limit.max() == 0 ? new Hold(limit.id(), null, "no contact allowed on this channel")
              : new Hold(limit.id(), within.get(within.size() - limit.max()).at().plus(limit.period()),
                  within.size() + " contacts within " + limit.period().toDays() + " days, limit " + limit.max());
        }
      }
    }
    for (PolicyRule.Gap gap : policy.gaps()) {
      if (gap.channels().contains(channel)) {
        Optional<PastContact> last = counted.stream().filter(c -> gap.channels().contains(c.channel()))
            .reduce((a, b) -> b);
        if (last.isPresent() && last.get().at().plus(gap.min()).isAfter(at)) {
          return new Hold(gap.id(), last.get().at().plus(gap.min()), "too soon after the last contact");
        }
      }
    }
    for (PolicyRule.Quiet quiet : policy.quiet()) {
      if (quiet.channels().contains(channel)) {
        Optional<PastContact> talk = history.stream().filter(c -> PastContact.CONVERSATION.equals(c.outcome()))
            .max(Comparator.comparing(PastContact::at));
        if (talk.isPresent() && talk.get().at().plus(quiet.period()).isAfter(at)) {
          return new Hold(quiet.id(), talk.get().at().plus(quiet.period()), "quiet period after a conversation");
        }
      }
    }
    if (policy.spread().isPresent()) {
      return spreadHold(policy.spread().get(), channel, at, counted);
    }
    return null;
  }

  private static Hold spreadHold(PolicyRule.Spread spread, ContactChannel channel, Instant at,
      List<PastContact> counted) {
    Map<ContactChannel, Instant> latestOther = new TreeMap<>();
    boolean sameChannel = false;
    for (PastContact c : counted) {
      if (c.at().isAfter(at.minus(spread.period()))) {
        if (c.channel() == channel) {
          sameChannel = true;
        } else {
          latestOther.merge(c.channel(), c.at(), (a, b) -> a.isAfter(b) ? a : b);
        }
      }
    }
    int used = latestOther.size() + (sameChannel ? 1 : 0);
    if (sameChannel || used < spread.maxChannels()) {
      return null;
    }
    List<Instant> latest = new ArrayList<>(latestOther.values());
    latest.sort(Comparator.naturalOrder());
    Instant until = latest.get(latestOther.size() - spread.maxChannels()).plus(spread.period());
    return new Hold(spread.id(), until, "another channel was used within " + spread.period().toDays() + " days");
  }

  private record Hold(String ruleId, Instant until, String reason) {}
}
