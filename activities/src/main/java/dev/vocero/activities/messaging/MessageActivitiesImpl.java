package dev.vocero.activities.messaging;

import dev.vocero.store.SharedDaos;
import dev.vocero.store.calls.ContactDao;
import dev.vocero.workflows.messaging.MessageFailure;
import dev.vocero.workflows.messaging.WaveStatus;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vocero.activities.campaigns.CampaignWakeUp;
import dev.vocero.store.calls.ContactRow;
import dev.vocero.domain.calls.ContactTemplate;
import dev.vocero.store.calls.DncDao;
import dev.vocero.credits.CreditLedger.ReservationStatus;
import dev.vocero.domain.credits.CreditPrices;
import dev.vocero.credits.MessageCredits;
import dev.vocero.store.messaging.MessageDao;
import dev.vocero.store.messaging.MessageRow;
import dev.vocero.domain.messaging.SmsSegments;
import dev.vocero.store.messaging.WaveDao;
import dev.vocero.store.messaging.WaveRow;
import dev.vocero.workflows.messaging.MessageActivities;
import dev.vocero.workflows.messaging.MessagingIds;
import dev.vocero.workflows.messaging.WaveProgress;
import io.temporal.failure.ApplicationFailure;
import dev.vocero.activities.compliance.PersonContactGate;
import dev.vocero.domain.compliance.ContactChannel;
import dev.vocero.domain.compliance.ContactPolicies;
import dev.vocero.domain.compliance.ContactPolicy;
import dev.vocero.domain.compliance.PolicySettings;
import dev.vocero.domain.compliance.GateDecision;
import dev.vocero.domain.compliance.PastContact;
import dev.vocero.store.accounts.OrganizationDao;
import dev.vocero.store.calls.BatchDao;
import dev.vocero.store.campaigns.CampaignDao;
import dev.vocero.store.persons.PersonDao;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A wave's steps: recipients from PostgreSQL, one message per contact sent effectively once (its price held on the
 * organization's credits first when the wave asks for it), the wave's state.
 */
public final class MessageActivitiesImpl implements MessageActivities {
  private static final Logger LOG = LoggerFactory.getLogger(MessageActivitiesImpl.class);
  /** The error code of a message the person's contact policy held back (its rule is on the message). */
  static final String POLICY = "policy";
  /** How far ahead a wave outside a campaign waits for a contact its policy allows later. */
  static final Duration STANDALONE_WAIT = Duration.ofDays(7);

  private final Jdbi jdbi;
  private final OutboundSender sender;
  private final ObjectMapper json;
  private final MessageCredits credits;
  private final Clock clock;
  private final CampaignWakeUp wakeUp;

  /** With the default price table. */
  public MessageActivitiesImpl(Jdbi jdbi, Messaging messaging, MessagingSettings settings, ObjectMapper json) {
    this(jdbi, messaging, settings, json, CreditPrices.defaults());
  }

  public MessageActivitiesImpl(Jdbi jdbi, Messaging messaging, MessagingSettings settings, ObjectMapper json,
      CreditPrices prices) {
    this(jdbi, messaging, settings, json, prices, Clock.systemUTC());
  }

  /** {@code clock} dates the contact gate's decisions. */
  public MessageActivitiesImpl(Jdbi jdbi, Messaging messaging, MessagingSettings settings, ObjectMapper json,
      CreditPrices prices, Clock clock) {
    this(jdbi, messaging, settings, json, prices, clock, null);
  }

  /** {@code wakeUp} tells a campaign when one of its waves ended (null: the campaign finds out at its next poll). */
  public MessageActivitiesImpl(Jdbi jdbi, Messaging messaging, MessagingSettings settings, ObjectMapper json,
      CreditPrices prices, Clock clock, CampaignWakeUp wakeUp) {
    this.wakeUp = wakeUp;
    this.clock = clock;
    this.jdbi = jdbi;
    this.credits = new MessageCredits(jdbi, prices);
    this.sender = new OutboundSender(jdbi, messaging, settings, credits);
    this.json = json;
  }

  @Override
  public RecipientPage recipients(RecipientRequest request) {
    WaveRow wave = wave(request.orgId(), request.waveId());
    if ("held".equals(wave.status())) {
      SharedDaos.of(jdbi).use(WaveDao.class, dao -> dao.markRunning(request.orgId(), request.waveId()));
    }
    return new RecipientPage(SharedDaos.of(jdbi).with(WaveDao.class, dao -> dao.recipients(request.orgId(),
        wave.sourceBatchId(), wave.disposition(), request.afterContactId(), request.limit()))
        .stream().map(ContactRow::id).toList());
  }

  @Override
  public SendResult send(SendRequest request) {
    UUID messageId = MessagingIds.outboundMessageId(request.waveId(), request.contactId());
    Optional<MessageRow> found = SharedDaos.of(jdbi).with(MessageDao.class, dao -> dao.findById(messageId));
    Recorded recorded = found.map(row -> new Recorded(row, null)).orElseGet(() -> record(request, messageId));
    MessageRow message = recorded.message();
    if (message.providerSid() != null) {
      return new SendResult(Outcome.SENT, messageId, null); // a retry after the provider took it
    }
    if (!"pending".equals(message.state()) && !"processing".equals(message.state())) {
      return finished(message);
    }
    if (MessageDao.POLICY_WAIT.equals(message.errorCode())) {
      GateDecision wait = recorded.waiting() != null ? recorded.waiting() : askAgain(request, message);
      if (wait != null) {
        return new SendResult(Outcome.WAITING, messageId, MessageDao.POLICY_WAIT, wait.notBefore().toEpochMilli());
      }
      message = SharedDaos.of(jdbi).with(MessageDao.class, dao -> dao.findById(messageId)).orElseThrow();
      if (!"pending".equals(message.state())) {
        return finished(message);
      }
    }
    if (credits.reserve(message).status() == ReservationStatus.INSUFFICIENT) {
      LOG.info("Message {} of wave {} not sent: no credit", messageId, request.waveId());
      return new SendResult(Outcome.NO_CREDIT, messageId, WaveProgress.NO_CREDIT); // stays pending for the resume
    }
    sender.send(message);
    return new SendResult(Outcome.SENT, messageId, null);
  }

  /** The message as recorded; {@code waiting}: the gate's "wait" when it was recorded waiting just now. */
  private record Recorded(MessageRow message, GateDecision waiting) {}

  /** First try: DNC, takeover and a usable phone are checked, then the message is recorded before any send. */
  private Recorded record(SendRequest request, UUID messageId) {
    WaveRow wave = wave(request.orgId(), request.waveId());
    ContactRow contact = contact(request);
    String phone = contact.phones().isEmpty() ? null : contact.phones().get(0);
    String skip = skipReason(request.orgId(), phone);
    Map<String, String> vars = ContactTemplate.variables(contact.variables(), contact.name(), contact.amount(),
        contact.dueDate(), contact.document(), json);
    String body = wave.body() == null ? null : ContactTemplate.render(wave.body(), vars);
    String variables = wave.contentVariables() == null ? null : renderVariables(wave.contentVariables(), vars);
    Integer segments = MessageRequest.SMS.equals(wave.channel()) && body != null ? SmsSegments.segments(body) : null;
    Optional<ContactPolicy> policy = skip == null ? policy(wave) : Optional.empty();
    GateDecision[] waiting = new GateDecision[1];
    jdbi.useTransaction(handle -> {
      GateDecision gate = policy.map(p -> PersonContactGate.decide(handle, ask(request, contact, wave, p, messageId,
          phone))).orElse(null);
      String skipped = gate == null || gate.allowed() ? skip : mayWait(request, wave, gate) ? MessageDao.POLICY_WAIT
          : POLICY;
      boolean pending = skipped == null || MessageDao.POLICY_WAIT.equals(skipped);
      MessageDao dao = SharedDaos.attach(handle, MessageDao.class);
      if (dao.insertOutbound(messageId, request.orgId(), request.waveId(), contact.id(), phone == null ? "" : phone,
          wave.channel(), body, wave.contentSid(), variables, pending ? "pending" : "cancelled", skipped) == 1) {
        dao.setSegments(messageId, segments);
        if (gate != null) {
          dao.setRule(messageId, gate.ruleId());
        }
        waiting[0] = MessageDao.POLICY_WAIT.equals(skipped) ? gate : null;
      }
    });
    return new Recorded(SharedDaos.of(jdbi).with(MessageDao.class, dao -> dao.findById(messageId)).orElseThrow(),
        waiting[0]);
  }

  /**
   * A waiting message's time has come: DNC and takeover are checked again, then the gate. Allowed: the message is an
   * ordinary pending one (null returned); a wait the wave can still honour is returned; otherwise it is skipped.
   */
  private GateDecision askAgain(SendRequest request, MessageRow message) {
    WaveRow wave = wave(request.orgId(), request.waveId());
    ContactRow contact = contact(request);
    String skip = skipReason(request.orgId(), message.phoneE164());
    Optional<ContactPolicy> policy = skip == null ? policy(wave) : Optional.empty();
    return jdbi.inTransaction(handle -> {
      MessageDao dao = SharedDaos.attach(handle, MessageDao.class);
      if (skip != null) {
        dao.advance(message.id(), "cancelled", skip);
        return null;
      }
      GateDecision gate = policy.map(p -> PersonContactGate.decide(handle, ask(request, contact, wave, p, message.id(),
          message.phoneE164()))).orElse(null);
      if (gate != null) {
        dao.setRule(message.id(), gate.ruleId());
      }
      if (gate == null || gate.allowed()) {
        dao.endWait(message.id());
        return null;
      }
      if (mayWait(request, wave, gate)) {
        return gate;
      }
      dao.advance(message.id(), "cancelled", POLICY);
      return null;
    });
  }

  private PersonContactGate.Ask ask(SendRequest request, ContactRow contact, WaveRow wave, ContactPolicy policy,
      UUID messageId, String phone) {
    return new PersonContactGate.Ask(request.orgId(), contact.batchId(), contact.id(),
        ContactChannel.fromWire(wave.channel()), policy, ZoneId.of(contact.timeZone()), request.waveId(), null,
        messageId, phone, clock.instant());
  }

  /**
   * A "wait" the wave honours: it asked to wait, and the time comes before its campaign's last window closes (a wave of
   * its own: within {@link #STANDALONE_WAIT}).
   */
  private boolean mayWait(SendRequest request, WaveRow wave, GateDecision gate) {
    if (!request.mayWait() || gate.verdict() != GateDecision.Verdict.WAIT || gate.notBefore() == null) {
      return false;
    }
    Instant deadline = jdbi.withHandle(handle -> SharedDaos.attach(handle, WaveDao.class).campaignOf(wave.orgId(), wave.id())
        .flatMap(id -> SharedDaos.attach(handle, CampaignDao.class).find(wave.orgId(), UUID.fromString(id)))
        .map(c -> ZonedDateTime.of(c.endDate(), c.windowEnd(), ZoneId.of(c.timeZone())).toInstant())
        .orElse(clock.instant().plus(STANDALONE_WAIT)));
    return !gate.notBefore().isAfter(deadline);
  }

  private ContactRow contact(SendRequest request) {
    return SharedDaos.of(jdbi).with(ContactDao.class,
        dao -> dao.find(request.orgId(), request.contactId()))
        .orElseThrow(() -> ApplicationFailure.newNonRetryableFailure("contact " + request.contactId() + " is gone",
            MessageFailure.MESSAGE_REJECTED.type()));
  }

  /**
   * The source batch's policy (CUSTOM windows with Vocero's default limits; for a CUSTOM batch without settings of its
   * own, tightened by its organisation's defaults), tightened by its campaign's settings (a campaign's waves are gated
   * under the campaign's contactPolicy) and then the batch's own.
   */
  private Optional<ContactPolicy> policy(WaveRow wave) {
    return jdbi.withHandle(handle -> SharedDaos.attach(handle, BatchDao.class).find(wave.orgId(), wave.sourceBatchId())
        .map(batch -> {
          try {
            com.fasterxml.jackson.databind.JsonNode settings = json.readTree(batch.settings());
            List<String> windows = new java.util.ArrayList<>();
            settings.path("customWindows").forEach(rule -> windows.add(rule.asText()));
            String campaign = SharedDaos.attach(handle, CampaignDao.class).contactPolicyOfBatch(wave.orgId(), batch.id())
                .orElse(null);
            return ContactPolicies.forBatch(settings.path("jurisdiction").asText(null), windows,
                PolicySettings.fromJson(campaign),
                PolicySettings.fromJson(SharedDaos.attach(handle, BatchDao.class).contactPolicy(wave.orgId(), batch.id())
                    .orElse(null)),
                PolicySettings.fromJson(SharedDaos.attach(handle, OrganizationDao.class).customContactPolicy(wave.orgId())
                    .orElse(null)));
          } catch (JsonProcessingException e) {
            throw new IllegalStateException("batch settings are not JSON", e);
          }
        }));
  }

  private String skipReason(UUID orgId, String phone) {
    if (phone == null || phone.isBlank()) {
      return "no_phone";
    }
    if (SharedDaos.of(jdbi).with(DncDao.class, dao -> dao.contains(orgId, phone))) {
      return "dnc";
    }
    return SharedDaos.of(jdbi).with(MessageDao.class, dao -> dao.takenOver(orgId, phone)) ? "takeover" : null;
  }

  /** {@code {"1":"{{name}}"}} with the contact's values: Twilio's ContentVariables JSON. */
  private String renderVariables(String template, Map<String, String> vars) {
    try {
      Map<String, String> rendered = new LinkedHashMap<>();
      json.readTree(template).fields().forEachRemaining(e ->
          rendered.put(e.getKey(), ContactTemplate.render(e.getValue().asText(), vars)));
      return json.writeValueAsString(rendered);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("wave content variables are not a JSON object", e);
    }
  }

  private static SendResult finished(MessageRow message) {
    if ("cancelled".equals(message.state())) {
      Outcome outcome = switch (message.errorCode() == null ? "" : message.errorCode()) {
        case "dnc" -> Outcome.SKIPPED_DNC;
        case "takeover" -> Outcome.SKIPPED_TAKEOVER;
        case POLICY -> Outcome.SKIPPED_POLICY;
        default -> Outcome.SKIPPED_NO_PHONE;
      };
      return new SendResult(outcome, message.id(), message.errorCode());
    }
    return new SendResult(Outcome.FAILED, message.id(), message.errorCode());
  }

  @Override
  public void recordFailure(SendFailure failure) {
    UUID messageId = MessagingIds.outboundMessageId(failure.waveId(), failure.contactId());
    if (WAVE_CANCELLED.equals(failure.errorCode())) {
      SharedDaos.of(jdbi).use(MessageDao.class, dao -> dao.advance(messageId, "cancelled", "wave_cancelled"));
    } else {
      SharedDaos.of(jdbi).use(MessageDao.class, dao -> dao.advance(messageId, "failed",
          MessageFailure.MESSAGE_REJECTED.type().equals(failure.errorCode()) ? null : "retries_exhausted"));
    }
    SharedDaos.of(jdbi).with(MessageDao.class, dao -> dao.findById(messageId))
        .filter(message -> message.providerSid() == null) // one the provider took is settled by its status callback
        .ifPresent(message -> {
          credits.release(message, "not sent: " + failure.errorCode());
          SharedDaos.of(jdbi).use(PersonDao.class, dao -> dao.setMessageOutcome(failure.orgId(), messageId,
              PastContact.NOT_PLACED));
        });
  }

  @Override
  public void recordWave(WaveStatusChange change) {
    WaveProgress p = change.progress();
    jdbi.useTransaction(handle -> {
      WaveDao dao = SharedDaos.attach(handle, WaveDao.class);
      dao.recordCounts(change.orgId(), change.waveId(), p.sent(), p.skipped(), p.failed());
      dao.setPauseReason(change.orgId(), change.waveId(), p.status() == WaveStatus.PAUSED ? p.pauseReason() : null);
      dao.setStatus(change.orgId(), change.waveId(), p.status().wire());
      if (p.status() == WaveStatus.CANCELLED) {
        SharedDaos.attach(handle, MessageDao.class).cancelWaiting(change.orgId(), change.waveId());
      }
    });
    if (wakeUp != null && (p.status() == WaveStatus.COMPLETED || p.status() == WaveStatus.CANCELLED)) {
      wakeUp.memberEnded(SharedDaos.of(jdbi).with(WaveDao.class, dao -> dao.campaignOf(change.orgId(), change.waveId()))
          .map(UUID::fromString).stream().toList(), "wave " + change.waveId());
    }
  }

  private WaveRow wave(UUID orgId, UUID waveId) {
    return SharedDaos.of(jdbi).with(WaveDao.class, dao -> dao.find(orgId, waveId))
        .orElseThrow(() -> ApplicationFailure.newNonRetryableFailure("wave " + waveId + " is gone", MessageFailure.MESSAGE_REJECTED.type()));
  }
}
