package dev.vocero.api.calls;

import dev.vocero.domain.compliance.ContactChannel;
import dev.vocero.domain.compliance.ContactGate;
import dev.vocero.domain.compliance.ContactPolicy;
import dev.vocero.domain.compliance.GateDecision;
import dev.vocero.domain.compliance.PastContact;
import dev.vocero.store.calls.ContactDao;
import dev.vocero.store.calls.DncDao;
import dev.vocero.store.persons.PersonContactRow;
import dev.vocero.store.persons.PersonDao;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * A dry run of a contact list under its batch's policy: for each person the list makes, the first day the gate would
 * let a call through given the person's contacts so far, or why it never would. Reads only; decides nothing it stores.
 */
final class LaunchPreview {
  static final String DNC = "dnc";
  static final String DEADLINE = "deadline";
  private static final Duration HISTORY = Duration.ofDays(31);

  private final Map<String, Person> persons = new LinkedHashMap<>();

  private static final class Person {
    final String keyHash;
    final ZoneId zone;
    final Set<String> phones = new HashSet<>();

    Person(String keyHash, ZoneId zone) {
      this.keyHash = keyHash;
      this.zone = zone;
    }
  }

  /** One accepted row; rows with the same person key are one person (docs/compliance/persons.md). */
  void add(ContactDao.NewContact contact) {
    String key = contact.personHash() != null ? contact.personHash() : "row:" + contact.rowNumber();
    persons.computeIfAbsent(key, k -> new Person(contact.personHash(), ZoneId.of(contact.timeZone())))
        .phones.addAll(contact.phones());
  }

  BatchViews.Preview preview(Jdbi jdbi, UUID orgId, ContactPolicy policy, Instant now, Instant deadline) {
    Map<String, List<PastContact>> histories = histories(jdbi, orgId, now);
    Set<String> dnc = new HashSet<>(jdbi.withExtension(DncDao.class, dao -> dao.containing(orgId,
        persons.values().stream().flatMap(p -> p.phones.stream()).distinct().toArray(String[]::new))));
    Map<LocalDate, Integer> byDay = new TreeMap<>();
    Map<String, Integer> blocked = new TreeMap<>();
    for (Person person : persons.values()) {
      if (dnc.containsAll(person.phones)) {
        blocked.merge(DNC, 1, Integer::sum);
        continue;
      }
      List<PastContact> history = person.keyHash == null ? List.of()
          : histories.getOrDefault(person.keyHash, List.of());
      GateDecision d = ContactGate.decide(policy, ContactChannel.CALL, now, person.zone, history);
      Instant first = d.allowed() ? now : d.notBefore();
      if (d.verdict() == GateDecision.Verdict.BLOCK) {
        blocked.merge(d.ruleId(), 1, Integer::sum);
      } else if (deadline != null && !first.isBefore(deadline)) {
        blocked.merge(DEADLINE, 1, Integer::sum);
      } else {
        byDay.merge(LocalDate.ofInstant(first, person.zone), 1, Integer::sum);
      }
    }
    int reachable = byDay.values().stream().mapToInt(Integer::intValue).sum();
    return new BatchViews.Preview(policy.jurisdiction() + "@" + policy.version(), persons.size(), reachable,
        byDay.entrySet().stream().map(e -> new BatchViews.PreviewDay(e.getKey(), e.getValue())).toList(),
        blocked.entrySet().stream().map(e -> new BatchViews.PreviewBlock(e.getKey(), e.getValue())).toList());
  }

  /** The allowed contacts so far of the list's persons the organisation already has, by key hash. */
  private Map<String, List<PastContact>> histories(Jdbi jdbi, UUID orgId, Instant now) {
    String[] hashes = persons.values().stream().map(p -> p.keyHash).filter(h -> h != null).toArray(String[]::new);
    if (hashes.length == 0) {
      return Map.of();
    }
    return jdbi.withExtension(PersonDao.class, dao -> {
      Map<Long, String> hashOf = new HashMap<>();
      dao.byKeyHashes(orgId, hashes).forEach(ref -> hashOf.put(ref.id(), ref.keyHash()));
      Map<String, List<PastContact>> byHash = new HashMap<>();
      if (hashOf.isEmpty()) {
        return byHash;
      }
      long[] ids = hashOf.keySet().stream().mapToLong(Long::longValue).toArray();
      for (PersonContactRow row : dao.allowedOfPersonsSince(ids, now.minus(HISTORY))) {
        byHash.computeIfAbsent(hashOf.get(row.personId()), k -> new ArrayList<>())
            .add(new PastContact(ContactChannel.fromWire(row.channel()), row.at(), row.outcome()));
      }
      return byHash;
    });
  }
}
