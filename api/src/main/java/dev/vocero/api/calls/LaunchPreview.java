package dev.vocero.api.calls;

import dev.vocero.domain.compliance.ContactChannel;
import dev.vocero.domain.compliance.ContactGate;
import dev.vocero.domain.compliance.ContactPolicy;
import dev.vocero.domain.compliance.GateDecision;
import dev.vocero.domain.compliance.PastContact;
import dev.vocero.store.calls.ContactDao;
import dev.vocero.store.calls.ContactRow;
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
 * A dry run of a contact list (or a stored batch) under a policy: for each person, the first day the gate would let a
 * contact on one channel through given the person's contacts so far, or why it never would. Reads only; stores nothing.
 */
public final class LaunchPreview {
  static final String DNC = "dnc";
  static final String DEADLINE = "deadline";
  private static final Duration HISTORY = Duration.ofDays(31);

  private final Map<String, Person> persons = new LinkedHashMap<>();

  private static final class Person {
    final String keyHash;
    Long personId;
    final ZoneId zone;
    final Set<String> phones = new HashSet<>();

    Person(String keyHash, Long personId, ZoneId zone) {
      this.keyHash = keyHash;
      this.personId = personId;
      this.zone = zone;
    }
  }

  /** One accepted row of an upload; rows with the same person key are one person (docs/compliance/persons.md). */
  void add(ContactDao.NewContact contact) {
    String key = contact.personHash() != null ? "k:" + contact.personHash() : "r:" + contact.rowNumber();
    persons.computeIfAbsent(key, k -> new Person(contact.personHash(), null, ZoneId.of(contact.timeZone())))
        .phones.addAll(contact.phones());
  }

  /** One stored contact; contacts of one person are one. */
  public void add(ContactRow contact) {
    String key = contact.personId() != null ? "p:" + contact.personId() : "c:" + contact.id();
    persons.computeIfAbsent(key, k -> new Person(null, contact.personId(), ZoneId.of(contact.timeZone())))
        .phones.addAll(contact.phones());
  }

  public BatchViews.Preview preview(Jdbi jdbi, UUID orgId, ContactPolicy policy, ContactChannel channel, Instant now,
      Instant deadline) {
    Map<Long, List<PastContact>> histories = histories(jdbi, orgId, now);
    Set<String> dnc = new HashSet<>(jdbi.withExtension(DncDao.class, dao -> dao.containing(orgId,
        persons.values().stream().flatMap(p -> p.phones.stream()).distinct().toArray(String[]::new))));
    Map<LocalDate, Integer> byDay = new TreeMap<>();
    Map<String, Integer> blocked = new TreeMap<>();
    for (Person person : persons.values()) {
      if (dnc.containsAll(person.phones)) {
        blocked.merge(DNC, 1, Integer::sum);
        continue;
      }
      List<PastContact> history = person.personId == null ? List.of()
          : histories.getOrDefault(person.personId, List.of());
      GateDecision d = ContactGate.decide(policy, channel, now, person.zone, history);
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

  /** The allowed contacts so far of the persons the organisation already has, by person id. */
  private Map<Long, List<PastContact>> histories(Jdbi jdbi, UUID orgId, Instant now) {
    String[] hashes = persons.values().stream().map(p -> p.keyHash).filter(h -> h != null).toArray(String[]::new);
    return jdbi.withExtension(PersonDao.class, dao -> {
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
