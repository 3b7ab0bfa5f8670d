package dev.vocero.workflows.campaigns;

import dev.vocero.workflows.calls.BatchProgress;
import io.temporal.failure.ActivityFailure;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;

/**
 * The campaign's batches or its waves: brings each open one to the wanted state (active or held) through its
 * {@link MemberControl}, records what its progress says, and counts what it did in the current window. A member found
 * paused for lack of credit is reported to {@code onNoCredit}; a failed activity is logged and tried again later.
 */
final class CampaignMembers<M extends CampaignMember, P> {
  static final String NO_CREDIT = BatchProgress.NO_CREDIT; // a wave's word too (WaveProgress.NO_CREDIT)

  private final MemberControl<M, P> control;
  private final UUID campaignId;
  private final Logger log;
  private final Consumer<String> onNoCredit;
  private final Map<UUID, M> members = new LinkedHashMap<>();
  /** Each member's count when it was first released in this run: the window's baseline. */
  private final Map<UUID, Integer> dayBase = new HashMap<>();

  CampaignMembers(MemberControl<M, P> control, List<M> initial, UUID campaignId, Logger log,
      Consumer<String> onNoCredit) {
    this.control = control;
    this.campaignId = campaignId;
    this.log = log;
    this.onNoCredit = onNoCredit;
    if (initial != null) {
      initial.forEach(this::put);
    }
  }

  void put(M member) {
    members.put(member.id(), member);
  }

  M get(UUID id) {
    return members.get(id);
  }

  boolean contains(UUID id) {
    return members.containsKey(id);
  }

  boolean isEmpty() {
    return members.isEmpty();
  }

  Collection<M> all() {
    return members.values();
  }

  List<M> list() {
    return List.copyOf(members.values());
  }

  List<UUID> ids() {
    return List.copyOf(members.keySet());
  }

  boolean allDone() {
    return members.values().stream().allMatch(CampaignMember::done);
  }

  /** Activates the open members the predicate wants active, holds the others. */
  void reconcile(Predicate<M> wantActive) {
    for (M member : list()) {
      if (member.done()) {
        continue;
      }
      boolean active = wantActive.test(member); // a member found out of credit pauses the campaign on the way
      if (active && member.status() != MemberStatus.ACTIVE) {
        activate(member);
      } else if (!active && member.status() != MemberStatus.HELD) {
        hold(member);
      }
    }
  }

  /** Reads the progress of every active member. */
  void refreshActive() {
    for (M member : list()) {
      if (member.status() == MemberStatus.ACTIVE) {
        refresh(member, MemberStatus.ACTIVE);
      }
    }
  }

  /** Reads every launched open member: what was in flight when it was held is counted once it returns. */
  void refreshLaunched() {
    for (M member : list()) {
      if (member.launched() && !member.done()) {
        refresh(member, member.status());
      }
    }
  }

  /** Cancels every open member (those with a workflow by signal); answers how many were signalled. */
  int cancelOpen(String reason) {
    int signalled = 0;
    for (M member : list()) {
      if (member.done()) {
        continue;
      }
      if (member.launched()) {
        if (!control.cancel(member, reason)) {
          log.info("Campaign {}: {} {} had already ended", campaignId, control.kind(), member.id());
        }
        signalled++;
      }
      put(control.withStatus(member, member.launched(), MemberStatus.CANCELLED));
    }
    return signalled;
  }

  /** What the members did in this window (since their baseline). */
  int countToday() {
    return countTodayBy(m -> "").getOrDefault("", 0);
  }

  /** {@link #countToday()} per key (a wave's channel). */
  Map<String, Integer> countTodayBy(Function<M, String> key) {
    Map<String, Integer> counts = new TreeMap<>();
    for (M member : members.values()) {
      Integer base = dayBase.get(member.id());
      if (base != null) {
        counts.merge(key.apply(member), Math.max(0, member.count() - base), Integer::sum);
      }
    }
    return counts;
  }

  int countTotal() {
    return members.values().stream().mapToInt(CampaignMember::count).sum();
  }

  private void activate(M member) {
    P progress;
    try {
      progress = member.launched() ? control.release(member) : control.start(member);
    } catch (ActivityFailure e) {
      log.warn("Campaign {}: {} {} could not be started or released; will try again", campaignId, control.kind(),
          member.id());
      return;
    }
    // the count before the release: the member may already have gone on by the time its resume answers
    dayBase.putIfAbsent(member.id(), member.launched() || progress == null ? member.count() : control.count(progress));
    if (!member.launched() && progress != null && adoptable(progress)) {
      try {
        progress = control.release(member); // found already started and held: adopt it
      } catch (ActivityFailure e) {
        log.warn("Campaign {}: {} {} could not be released; will try again", campaignId, control.kind(), member.id());
        put(control.seen(member, MemberStatus.HELD, progress));
        return;
      }
    }
    seen(member, progress, MemberStatus.ACTIVE);
  }

  /** Paused by someone else (a person, an earlier campaign run); one that paused itself for credit stays paused. */
  private boolean adoptable(P progress) {
    return control.paused(progress) && !NO_CREDIT.equals(control.pauseReason(progress));
  }

  private void hold(M member) {
    if (!member.launched() && !control.mayRunBeforeLaunch()) {
      put(control.withStatus(member, false, MemberStatus.HELD)); // nothing runs yet: nothing to pause
      return;
    }
    try {
      seen(member, control.hold(member), MemberStatus.HELD);
    } catch (ActivityFailure e) {
      log.warn("Campaign {}: {} {} could not be held; will try again", campaignId, control.kind(), member.id());
    }
  }

  private void refresh(M member, MemberStatus wanted) {
    try {
      seen(member, control.progress(member), wanted);
    } catch (ActivityFailure e) {
      log.warn("Campaign {}: progress of {} {} not read", campaignId, control.kind(), member.id());
    }
  }

  /** Records what the progress says; a member without a workflow is completed if it had one, else only held. */
  private void seen(M member, P progress, MemberStatus wanted) {
    if (progress == null) {
      put(member.launched() ? control.withStatus(member, true, MemberStatus.COMPLETED)
          : control.withStatus(member, false, MemberStatus.HELD));
      return;
    }
    MemberStatus ended = control.ended(progress);
    put(control.seen(member, ended != null ? ended : wanted, progress));
    if (control.paused(progress) && NO_CREDIT.equals(control.pauseReason(progress))) {
      onNoCredit.accept(control.kind() + " " + member.id());
    }
  }
}
