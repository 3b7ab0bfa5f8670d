package dev.vocero.api.calls;

import dev.vocero.domain.compliance.ContactChannel;
import dev.vocero.domain.compliance.ContactGate;
import dev.vocero.domain.compliance.ContactPolicy;
import dev.vocero.domain.compliance.GateDecision;
import dev.vocero.domain.compliance.PastContact;
import dev.vocero.store.SharedDaos;
import dev.vocero.store.calls.ContactDao;
import dev.vocero.store.calls.ContactRow;
import dev.vocero.store.calls.DncDao;
import dev.vocero.store.persons.PersonContactRow;
import dev.vocero.store.persons.PersonDao;
import dev.vocero.workflows.calls.BatchSettings;
import dev.vocero.workflows.calls.Disposition;
import dev.vocero.workflows.calls.NextStep;
import dev.vocero.workflows.campaigns.CampaignCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * A dry run of a contact list (or a stored batch) under a policy: for each person, the first day the gate would let a
 * contact on one channel through given the person's contacts so far, or why it never would. In a campaign, first
 * contacts start only in its windows and up to its quotas ({@link CampaignSlots}); what follows each attempt is
 * {@link NextStep}'s answer, as in the contact workflow. Reads only; stores nothing.
 */
public final class LaunchPreview {
  static final String DNC = "dnc";
  static final String DEADLINE = "deadline";
  /** The attempts left when the person has no number left to try. */
  static final String NO_NUMBER = "no_usable_number";
  private static final Duration HISTORY = Duration.ofDays(31);

  private final Map<String, Person> persons = new LinkedHashMap<>();

  private static final class Person {
    final String keyHash;
    Long personId;
    final ZoneId zone;
    final Set<String> phones = new LinkedHashSet<>(); // in the list's order: the next number is the next one here
    int rows;

    Person(String keyHash, Long personId, ZoneId zone) {
      this.keyHash = keyHash;
      this.personId = personId;
      this.zone = zone;
    }
  }

  /** One accepted row of an upload; rows with the same person key are one person (docs/compliance/persons.md). */
  void add(ContactDao.NewContact contact) {
    String key = contact.personHash() != null ? "k:" + contact.personHash() : "r:" + contact.rowNumber();
    Person person = persons.computeIfAbsent(key,
        k -> new Person(contact.personHash(), null, ZoneId.of(contact.timeZone())));
    person.phones.addAll(contact.phones());
    person.rows++;
  }

  /** One stored contact; contacts of one person are one. */
  public void add(ContactRow contact) {
    String key = contact.personId() != null ? "p:" + contact.personId() : "c:" + contact.id();
    Person person = persons.computeIfAbsent(key,
        k -> new Person(null, contact.personId(), ZoneId.of(contact.timeZone())));
    person.phones.addAll(contact.phones());
    person.rows++;
  }

  /**
   * How a batch retries, for the preview: {@code maxAttempts} per person and the delay after each disposition that is
   * retried (the settings' {@code retryDelaySeconds}); messages are never retried.
   */
  public record Retries(int maxAttempts, Map<String, Long> retryDelaySeconds) {

    /** The outcome every attempt is assumed to have: unanswered when the settings retry it, else the soonest retried. */
    String assumedOutcome() {
      Map<String, Long> delays = retryDelaySeconds == null ? Map.of() : retryDelaySeconds;
      if (delays.containsKey("no_answer")) {
        return "no_answer";
      }
      return delays.entrySet().stream().filter(e -> e.getValue() != null && e.getValue() >= 0)
          .min(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
          .map(Map.Entry::getKey).orElse(null);
    }

    long delaySeconds() {
      String outcome = assumedOutcome();
      return outcome == null ? 0 : retryDelaySeconds.get(outcome);
    }

    /** The assumed outcome as the contact workflow sees it: unanswered when the settings retry nothing. */
    Disposition disposition() {
      String outcome = assumedOutcome();
      return outcome == null ? Disposition.NO_ANSWER : Disposition.fromWire(outcome);
    }

    /** The part of the batch's settings that {@link NextStep} reads. */
    BatchSettings settings() {
      return new BatchSettings(1, 1, Math.max(1, maxAttempts), retryDelaySeconds == null ? Map.of()
          : retryDelaySeconds, null, List.of(), 0, 0, 0);
    }

    String assumption() {
      String outcome = assumedOutcome();
      if (outcome == null || maxAttempts <= 1) {
        return "no retries: the settings retry no outcome (or allow one attempt); every first call is assumed"
            + " unanswered, a contact under the policy";
      }
      NextStep step = NextStep.after(disposition(), 1, settings(), false);
      return "every attempt ends " + outcome + (outcome.equals("no_answer") ? " (the conservative reading: an"
          + " unanswered call counts as a contact)" : " (the settings do not retry no_answer; " + outcome
          + " is the soonest outcome they retry)") + (step == NextStep.NEXT_NUMBER ? " and is tried again at once on"
          + " the person's next number (when one is left)" : " and is retried " + delaySeconds() + " s later on the"
          + " same number") + ", or when the policy next allows, up to " + maxAttempts + " attempts";
    }
  }

  public BatchViews.Preview preview(Jdbi jdbi, UUID orgId, ContactPolicy policy, ContactChannel channel, Instant now,
      Instant deadline) {
    return preview(jdbi, orgId, policy, channel, now, deadline, null, null);
  }

  /**
   * As above; with {@code retries}, also every retry of every person (calls only), each one asking the gate; with
   * {@code campaign}, each person's first contact starts only in one of the campaign's windows with quota left.
   */
  public BatchViews.Preview preview(Jdbi jdbi, UUID orgId, ContactPolicy policy, ContactChannel channel, Instant now,
      Instant deadline, Retries retries, CampaignSlots campaign) {
    Map<Long, List<PastContact>> histories = histories(jdbi, orgId, now);
    Set<String> dnc = new HashSet<>(SharedDaos.of(jdbi).with(DncDao.class, dao -> dao.containing(orgId,
        persons.values().stream().flatMap(p -> p.phones.stream()).distinct().toArray(String[]::new))));
    Map<LocalDate, Integer> byDay = new TreeMap<>();
    Map<String, Integer> blocked = new TreeMap<>();
    RetryCounter counter = retries == null ? null : new RetryCounter(retries);
    for (Person person : persons.values()) {
      Instant start = now;
      LocalDate campaignDay = null;
      if (campaign != null) { // the campaign releases the batch (or wave) in its windows, up to its daily quota
        Optional<CampaignCalendar.Window> window = campaign.window(channel, now);
        if (window.isEmpty()) {
          blocked.merge(CampaignSlots.SCHEDULE_OVER, 1, Integer::sum);
          if (counter != null) {
            counter.block(CampaignSlots.SCHEDULE_OVER, 1);
          }
          continue;
        }
        start = CampaignSlots.startIn(window.get(), now);
        campaignDay = window.get().date();
        if (channel == ContactChannel.CALL) { // every contact started counts, whatever the gate then says
          for (int row = 0; row < person.rows; row++) {
            campaign.take(channel, campaignDay);
          }
        }
      }
      if (dnc.containsAll(person.phones)) {
        blocked.merge(DNC, 1, Integer::sum);
        if (counter != null) {
          counter.block(DNC, 1);
        }
        continue;
      }
      List<PastContact> history = person.personId == null ? List.of()
          : histories.getOrDefault(person.personId, List.of());
      GateDecision d = ContactGate.decide(policy, channel, start, person.zone, history);
      Instant first = d.allowed() ? start : d.notBefore();
      if (d.verdict() == GateDecision.Verdict.BLOCK) {
        blocked.merge(d.ruleId(), 1, Integer::sum);
      } else if (deadline != null && !first.isBefore(deadline)) {
        blocked.merge(DEADLINE, 1, Integer::sum);
      } else {
        byDay.merge(LocalDate.ofInstant(first, person.zone), 1, Integer::sum);
        if (campaign != null && channel != ContactChannel.CALL && d.allowed()) { // a wave counts what it sends
          for (int row = 0; row < person.rows; row++) {
            campaign.take(channel, campaignDay);
          }
        }
      }
      if (counter != null) {
        counter.play(policy, person.zone, history, start, deadline, new ArrayList<>(person.phones), dnc);
      }
    }
    int reachable = byDay.values().stream().mapToInt(Integer::intValue).sum();
    return new BatchViews.Preview(policy.jurisdiction() + "@" + policy.version(), persons.size(), reachable,
        byDay.entrySet().stream().map(e -> new BatchViews.PreviewDay(e.getKey(), e.getValue())).toList(),
        blocked.entrySet().stream().map(e -> new BatchViews.PreviewBlock(e.getKey(), e.getValue())).toList(),
        counter == null ? null : counter.result());
  }

  /** Plays each person's attempts through the gate, each assumed to end as {@link Retries#assumedOutcome()}. */
  private static final class RetryCounter {
    private final Retries retries;
    private final String outcome;
    private final Duration delay;
    private final int attempts;
    private final Map<LocalDate, int[]> byDay = new TreeMap<>();
    private final Map<String, int[]> blocked = new TreeMap<>();

    RetryCounter(Retries retries) {
      this.retries = retries;
      this.outcome = retries.assumedOutcome();
      this.delay = Duration.ofSeconds(retries.delaySeconds());
      this.attempts = outcome == null ? 1 : Math.max(1, retries.maxAttempts());
    }

    void block(String rule, int first) {
      int[] counts = blocked.computeIfAbsent(rule, k -> new int[2]);
      counts[0] += attempts;
      counts[1] += attempts - first;
    }

    /**
     * The person's attempts from {@code start}, each on the number the contact workflow would dial: what follows one
     * is {@link NextStep}'s answer for the assumed outcome, as in the workflow (a retry after the delay on the same
     * number, or at once on the next number not on the DNC list).
     */
    void play(ContactPolicy policy, ZoneId zone, List<PastContact> earlier, Instant start, Instant deadline,
        List<String> phones, Set<String> dnc) {
      List<PastContact> history = new ArrayList<>(earlier);
      BatchSettings settings = retries.settings();
      Disposition assumed = retries.disposition();
      int number = nextUsable(phones, dnc, 0);
      Instant ask = start;
      for (int attempt = 0; attempt < attempts; attempt++) {
        GateDecision d = ContactGate.decide(policy, ContactChannel.CALL, ask, zone, history);
        Instant at = d.allowed() ? ask : d.notBefore();
        String stop = d.verdict() == GateDecision.Verdict.BLOCK ? d.ruleId()
            : deadline != null && !at.isBefore(deadline) ? DEADLINE : number < 0 ? NO_NUMBER : null;
        if (stop != null) {
          int[] counts = blocked.computeIfAbsent(stop, k -> new int[2]);
          counts[0] += attempts - attempt;
          counts[1] += attempts - Math.max(attempt, 1);
          return;
        }
        byDay.computeIfAbsent(LocalDate.ofInstant(at, zone), k -> new int[2])[attempt == 0 ? 0 : 1]++;
        history.add(new PastContact(ContactChannel.CALL, at, ledgerWord(outcome)));
        switch (NextStep.after(assumed, attempt + 1, settings, false)) {
          case DONE -> {
            return;
          }
          case NEXT_NUMBER -> {
            number = nextUsable(phones, dnc, number + 1);
            ask = at;
          }
          case RETRY -> ask = at.plus(delay);
        }
      }
    }

    /** The first number from {@code from} on that is not on the DNC list, as the planner picks it; -1 when none. */
    private static int nextUsable(List<String> phones, Set<String> dnc, int from) {
      for (int i = from; i < phones.size(); i++) {
        if (!dnc.contains(phones.get(i))) {
          return i;
        }
      }
      return -1;
    }

    RetryPreview result() {
      int first = byDay.values().stream().mapToInt(c -> c[0]).sum();
      int retried = byDay.values().stream().mapToInt(c -> c[1]).sum();
      return new RetryPreview(retries.assumption(), outcome, retries.delaySeconds(), retries.maxAttempts(), first,
          retried, byDay.entrySet().stream().map(e -> new RetryPreview.Day(e.getKey(), e.getValue()[0],
              e.getValue()[1])).toList(),
          blocked.entrySet().stream().map(e -> new RetryPreview.Block(e.getKey(), e.getValue()[0],
              e.getValue()[1])).toList());
    }

    /** The gate's ledger word for a call that ended so (as the activities record it; unanswered counts). */
    private static String ledgerWord(String disposition) {
      if (disposition == null) {
        return "no_answer";
      }
      return switch (disposition) {
        case "answered_human" -> PastContact.CONVERSATION;
        case "answered_machine" -> "answered";
        case "no_answer", "busy" -> "no_answer";
        default -> "failed";
      };
    }
  }

  /** The allowed contacts so far of the persons the organisation already has, by person id. */
  private Map<Long, List<PastContact>> histories(Jdbi jdbi, UUID orgId, Instant now) {
    String[] hashes = persons.values().stream().map(p -> p.keyHash).filter(h -> h != null).toArray(String[]::new);
    return SharedDaos.of(jdbi).with(PersonDao.class, dao -> {
      if (hashes.length > 0) {
        Map<String, Long> idOf = new HashMap<>();
        dao.byKeyHashes(orgId, hashes).forEach(ref -> idOf.put(ref.keyHash(), ref.id()));
        persons.values().stream().filter(p -> p.keyHash != null).forEach(p -> p.personId = idOf.get(p.keyHash));
      }
      long[] ids = persons.values().stream().filter(p -> p.personId != null).mapToLong(p -> p.personId).toArray();
      Map<Long, List<PastContact>> byPerson = new HashMap<>();
      if (ids.length == 0) {
        return byPerson;
      }
      for (PersonContactRow row : dao.allowedOfPersonsSince(ids, now.minus(HISTORY))) {
        byPerson.computeIfAbsent(row.personId(), k -> new ArrayList<>())
            .add(new PastContact(ContactChannel.fromWire(row.channel()), row.at(), row.outcome()));
      }
      return byPerson;
    });
  }
}
