package dev.vocero.activities.compliance;

import dev.vocero.domain.compliance.ContactChannel;
import dev.vocero.domain.compliance.ContactGate;
import dev.vocero.domain.compliance.ContactPolicy;
import dev.vocero.domain.compliance.GateDecision;
import dev.vocero.domain.compliance.PastContact;
import dev.vocero.domain.phones.MaskedPhone;
import dev.vocero.store.SharedDaos;
import dev.vocero.store.persons.PersonContactRow;
import dev.vocero.store.persons.PersonDao;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * The one gate every call and wave message asks, per person: the person's row is locked for the caller's
 * transaction, the policy decides from the person's allowed contacts on every channel, and the decision is stored with
 * its rule. Two batches or waves of one organisation therefore never both take the person's last contact.
 */
public final class PersonContactGate {
  private static final Duration HISTORY = Duration.ofDays(31);

  /**
   * One contact to decide. {@code attemptId} or {@code messageId} names what an allow reserves (a retried activity
   * finds its earlier allow); {@code phone} is stored masked.
   */
  public record Ask(UUID orgId, UUID batchId, long contactId, ContactChannel channel, ContactPolicy policy, ZoneId zone,
      UUID waveId, UUID attemptId, UUID messageId, String phone, Instant now) {}

  private PersonContactGate() {
  }

  /** Must run inside the transaction that also records the contact (the attempt row or the message). */
  public static GateDecision decide(Handle handle, Ask ask) {
    PersonDao persons = SharedDaos.attach(handle, PersonDao.class);
    long personId = person(persons, ask);
    persons.lock(ask.orgId(), personId);
    // after the lock: a retried activity whose first run is still deciding finds that run's allow
    Optional<PersonContactRow> earlier = ask.attemptId() != null ? persons.findByAttempt(ask.attemptId())
        : ask.messageId() != null ? persons.findByMessage(ask.messageId()) : Optional.empty();
    if (earlier.isPresent()) {
      return GateDecision.allow(earlier.get().ruleId());
    }
    List<PastContact> history = persons.allowedSince(personId, ask.now().minus(HISTORY)).stream()
        .map(row -> new PastContact(ContactChannel.fromWire(row.channel()), row.at(), row.outcome())).toList();
    GateDecision decision = ContactGate.decide(ask.policy(), ask.channel(), ask.now(), ask.zone(), history);
    boolean allowed = decision.allowed();
    persons.insert(ask.orgId(), new PersonDao.Entry(personId, ask.channel().wire(),
        decision.verdict().name().toLowerCase(Locale.ROOT), decision.ruleId(),
        ask.policy().jurisdiction() + "@" + ask.policy().version(), decision.reason(), decision.notBefore(),
        ask.batchId(), ask.waveId(), ask.contactId(), allowed ? ask.attemptId() : null,
        allowed ? ask.messageId() : null, ask.phone() == null ? null : MaskedPhone.of(ask.phone()), ask.now()));
    return decision;
  }

  private static long person(PersonDao persons, Ask ask) {
    Optional<Long> person = persons.personOf(ask.orgId(), ask.contactId());
    if (person.isEmpty()) { // imported before persons existed: the row becomes a person of its own
      persons.attachBatch(ask.orgId(), ask.batchId());
      person = persons.personOf(ask.orgId(), ask.contactId());
    }
    return person.orElseThrow(() -> new IllegalStateException("contact " + ask.contactId() + " has no person"));
  }

  /** The ledger word for how an allowed call ended: a human answering is a conversation (Reg F's quiet period). */
  public static String callOutcome(String disposition, boolean placed) {
    return switch (disposition) {
      case "answered_human" -> PastContact.CONVERSATION;
      case "answered_machine" -> "answered";
      case "no_answer", "busy" -> "no_answer";
      default -> placed ? "failed" : PastContact.NOT_PLACED;
    };
  }
}
