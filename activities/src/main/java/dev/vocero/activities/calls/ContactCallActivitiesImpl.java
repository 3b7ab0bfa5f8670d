package dev.vocero.activities.calls;

import dev.vocero.store.SharedDaos;
import dev.vocero.store.accounts.OrganizationNumberDao;
import dev.vocero.activities.compliance.PersonContactGate;
import dev.vocero.domain.compliance.CallingWindows;
import dev.vocero.domain.compliance.ContactChannel;
import dev.vocero.domain.compliance.ContactPolicies;
import dev.vocero.domain.compliance.ContactPolicy;
import dev.vocero.domain.compliance.GateDecision;
import dev.vocero.domain.compliance.PolicySettings;
import dev.vocero.store.calls.BatchDao;
import dev.vocero.store.accounts.OrganizationDao;
import dev.vocero.workflows.calls.CallFailure;
import dev.vocero.activities.telephony.CallRequest;
import dev.vocero.activities.telephony.CallStatusInfo;
import dev.vocero.activities.telephony.PlacedCallInfo;
import dev.vocero.activities.telephony.ProviderBackoff;
import dev.vocero.activities.telephony.Telephony;
import dev.vocero.activities.telephony.TelephonyException;
import dev.vocero.store.calls.AttemptDao;
import dev.vocero.store.calls.AttemptRow;
import dev.vocero.store.calls.ContactDao;
import dev.vocero.store.calls.ContactRow;
import dev.vocero.store.calls.DecisionDao;
import dev.vocero.store.calls.DncDao;
import dev.vocero.store.calls.ProviderEventDao;
import dev.vocero.store.persons.PersonDao;
import dev.vocero.workflows.calls.BatchSettings;
import dev.vocero.workflows.calls.ContactCallActivities;
import dev.vocero.workflows.calls.Disposition;
import dev.vocero.workflows.calls.ProviderEvent;
import io.temporal.failure.ApplicationFailure;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The steps of one contact's calls: plan (window, DNC, cap), dial effectively once, poll, record. */
public final class ContactCallActivitiesImpl implements ContactCallActivities {
  public static final String INVALID_NUMBER = CallFailure.INVALID_NUMBER.type();
  public static final String CONTACT_NOT_FOUND = "ContactNotFound";
  private static final Logger LOG = LoggerFactory.getLogger(ContactCallActivitiesImpl.class);
  private static final java.util.regex.Pattern RULE_SUFFIX = java.util.regex.Pattern.compile("\\[([a-z]{2}\\.[a-z0-9-]+)]$");

  private final Jdbi jdbi;
  private final SharedDaos daos;
  private final Telephony telephony;
  private final CallbackUrls urls;
  private final TelephonyDefaults defaults;
  private final Clock clock;

  /** Provider-wide call options that are not per batch. */
  public record TelephonyDefaults(String fromNumber, boolean record, String machineDetection, int ringTimeoutSeconds,
      long recordingWaitSeconds) {

    public TelephonyDefaults(String fromNumber, boolean record, String machineDetection, int ringTimeoutSeconds) {
      this(fromNumber, record, machineDetection, ringTimeoutSeconds, 600);
    }

    /** How long an answered call waits for its recording; 0 when calls are not recorded. */
    long recordingWait() {
      return record ? Math.max(1, recordingWaitSeconds) : 0;
    }
  }

  public ContactCallActivitiesImpl(Jdbi jdbi, Telephony telephony, CallbackUrls urls, TelephonyDefaults defaults, Clock clock) {
    ContactPolicies.all(); // an invalid policy file stops the worker at start-up, not at its first call
    this.jdbi = jdbi;
    this.daos = SharedDaos.of(jdbi);
    this.telephony = telephony;
    this.urls = urls;
    this.defaults = defaults;
    this.clock = clock;
  }

  /** On one pooled handle: the nested reads (contact, DNC, cap, the three policy rows) share its connection. */
  @Override
  public AttemptPlan planAttempt(PlanRequest request) {
    return jdbi.withHandle(handle -> plan(request));
  }

  private AttemptPlan plan(PlanRequest request) {
    ContactRow contact = daos.get(ContactDao.class).findAndMarkInProgress(request.orgId(), request.contactId())
        .orElseThrow(() -> contactGone(request.contactId()));
    AttemptPlan plan = decide(request, contact, clock.instant());
    String attemptNote = plan.decision() == Decision.WAIT
        ? plan.reason() : plan.reason() + " (attempt " + request.attemptNumber() + ")";
    daos.get(DecisionDao.class).insertWithRule(request.orgId(), request.batchId(),
        request.contactId(), plan.attemptId(), plan.decision().name().toLowerCase(java.util.Locale.ROOT), attemptNote,
        ruleOf(plan.reason()));
    return plan;
  }

  /** The contact policy's rule a reason ends with ("… [cl.phone-once-a-week]"), else null. */
  static String ruleOf(String reason) {
    java.util.regex.Matcher m = RULE_SUFFIX.matcher(reason == null ? "" : reason);
    return m.find() ? m.group(1) : null;
  }

  private AttemptPlan decide(PlanRequest request, ContactRow contact, Instant now) {
    BatchSettings settings = request.settings();
    ZoneId zone = ZoneId.of(contact.timeZone());
    Instant deadline = settings.deadlineEpochMs() > 0 ? Instant.ofEpochMilli(settings.deadlineEpochMs()) : null;
    Optional<Instant> next = windows(settings).nextStart(now, zone);
    if (next.isEmpty() || deadline != null && !next.get().isBefore(deadline)) {
      return stop(Decision.WINDOW_EXPIRED, request.phoneIndex(), "no legal calling window before the batch deadline");
    }
    if (next.get().isAfter(now)) {
      return new AttemptPlan(Decision.WAIT, null, next.get().toEpochMilli(), request.phoneIndex(),
          "outside the calling window; next window opens " + next.get().atZone(zone).toLocalDateTime() + " " + zone);
    }
    return choosePhone(request, contact, now);
  }

  private AttemptPlan choosePhone(PlanRequest request, ContactRow contact, Instant now) {
    int index = request.phoneIndex();
    boolean sawDnc = false;
    boolean sawCap = false;
    for (; index < contact.phones().size(); index++) {
      String phone = contact.phones().get(index);
      if (daos.get(DncDao.class).contains(request.orgId(), phone)) {
        sawDnc = true;
      } else if (overCap(request, phone, now)) {
        sawCap = true;
      } else {
        return reserve(request, contact, index, phone, now);
      }
    }
    if (sawDnc && !sawCap) {
      return stop(Decision.BLOCKED_DNC, index, "every remaining number is on the do-not-call list");
    }
    if (sawCap) {
      return stop(Decision.BLOCKED_CAP, index, "weekly attempt cap of " + request.settings().weeklyCapPerPhone()
          + " per number reached");
    }
    return stop(Decision.NO_USABLE_NUMBER, index, "no usable phone number left");
  }

  /**
   * Asks the person's contact gate (every batch, CUSTOM ones with Vocero's default limits) and, when it allows, creates the attempt row in the same
   * transaction; a wait past the batch's deadline ends the contact like a closed window.
   */
  private AttemptPlan reserve(PlanRequest request, ContactRow contact, int index, String phone, Instant now) {
    UUID attemptId = attemptId(request, index);
    Optional<ContactPolicy> policy = Optional.of(policy(request));
    GateDecision gate = jdbi.inTransaction(handle -> {
      GateDecision decision = policy.map(p -> PersonContactGate.decide(handle, new PersonContactGate.Ask(
          request.orgId(), request.batchId(), request.contactId(), ContactChannel.CALL, p,
          ZoneId.of(contact.timeZone()), null, attemptId, null, phone, now))).orElse(null);
      if (decision == null || decision.allowed()) {
        daos.get(AttemptDao.class).insertPlannedWithRule(attemptId, request.orgId(), request.batchId(),
            request.contactId(), request.attemptNumber(), index, phone, decision == null ? null : decision.ruleId());
      }
      return decision;
    });
    if (gate == null || gate.allowed()) {
      return new AttemptPlan(Decision.DIAL, attemptId, 0, index, "dialing number " + (index + 1)
          + (gate == null ? "" : " [" + gate.ruleId() + "]"));
    }
    Instant deadline = request.settings().deadlineEpochMs() > 0
        ? Instant.ofEpochMilli(request.settings().deadlineEpochMs()) : null;
    String rule = " [" + gate.ruleId() + "]";
    if (gate.verdict() == GateDecision.Verdict.BLOCK) {
      return stop(Decision.BLOCKED_CAP, index, "the person's contact policy blocks the call: " + gate.reason() + rule);
    }
    if (deadline != null && !gate.notBefore().isBefore(deadline)) {
      return stop(Decision.WINDOW_EXPIRED, index, "the person's contact policy allows no call before the batch deadline"
          + rule);
    }
    ZoneId zone = ZoneId.of(contact.timeZone());
    return new AttemptPlan(Decision.WAIT, null, gate.notBefore().toEpochMilli(), index, gate.reason()
        + "; the person may be called from " + gate.notBefore().atZone(zone).toLocalDateTime() + " " + zone + rule);
  }

  /**
   * The batch's policy: its jurisdiction's (or CUSTOM's defaults with its windows; for a CUSTOM batch without settings
   * of its own, tightened by its organisation's defaults), tightened by its campaign's settings and then its own. Read
   * at each attempt, so nothing of it travels in the workflow's history.
   */
  private ContactPolicy policy(PlanRequest request) {
    BatchDao.PolicySources sources = daos.get(BatchDao.class).policySources(request.orgId(), request.batchId())
        .orElseGet(() -> new BatchDao.PolicySources(null, null,
            daos.get(OrganizationDao.class).customContactPolicy(request.orgId()).orElse(null)));
    String stored = sources.batch();
    String campaign = sources.campaign();
    String orgDefaults = sources.organization();
    return ContactPolicies.forBatch(request.settings().jurisdiction(), request.settings().customWindows(),
        PolicySettings.fromJson(campaign), PolicySettings.fromJson(stored), PolicySettings.fromJson(orgDefaults));
  }

  private boolean overCap(PlanRequest request, String phone, Instant now) {
    int cap = request.settings().weeklyCapPerPhone();
    return cap > 0
        && daos.get(AttemptDao.class).countSince(request.orgId(), phone, now.minus(Duration.ofDays(7))) >= cap;
  }

  /** Deterministic: a retried planAttempt for the same attempt and number finds the row it already made. */
  static UUID attemptId(PlanRequest request, int phoneIndex) {
    String key = request.batchId() + ":" + request.contactId() + ":" + request.attemptNumber() + ":" + phoneIndex;
    return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
  }

  private static AttemptPlan stop(Decision decision, int phoneIndex, String reason) {
    return new AttemptPlan(decision, null, 0, phoneIndex, reason);
  }

  private static CallingWindows windows(BatchSettings settings) {
    String jurisdiction = settings.jurisdiction() == null ? "US" : settings.jurisdiction();
    return "CUSTOM".equalsIgnoreCase(jurisdiction)
        ? CallingWindows.custom(settings.customWindows(), null)
        : CallingWindows.preset(jurisdiction);
  }

  @Override
  public PlacedCall placeCall(AttemptRef ref) {
    AttemptRow attempt = attempt(ref);
    if (attempt.providerCallId() != null) {
      // a retry after the dial succeeded
      return new PlacedCall(attempt.provider(), attempt.providerCallId(), defaults.recordingWait());
    }
    CallRequest request = jdbi.withHandle(handle -> callRequest(ref, attempt)); // one handle, given back before dialing
    PlacedCallInfo placed = telephony.findPlaced(request, attempt.createdAt()).orElseGet(() -> dial(request));
    daos.get(AttemptDao.class).markPlaced(ref.orgId(), attempt.id(), telephony.provider(), placed.providerCallId());
    LOG.info("Attempt {} placed via {} as {}", attempt.id(), telephony.provider(), placed.providerCallId());
    return new PlacedCall(telephony.provider(), placed.providerCallId(), defaults.recordingWait());
  }

  private CallRequest callRequest(AttemptRef ref, AttemptRow attempt) {
    ContactRow contact = contact(ref.orgId(), attempt.contactId());
    String from = daos.get(OrganizationNumberDao.class).sender(ref.orgId())
        .orElse(defaults.fromNumber()); // the organization's own caller id, else the shared default
    return new CallRequest(attempt.id(), attempt.phoneE164(), from, urls.answer(attempt.id()),
        urls.status(attempt.id()), defaults.record() ? urls.recording(attempt.id()) : null, defaults.machineDetection(),
        defaults.ringTimeoutSeconds(), variables(contact));
  }

  private PlacedCallInfo dial(CallRequest request) {
    try {
      return telephony.place(request);
    } catch (TelephonyException e) {
      throw switch (e.kind()) {
        case INVALID_NUMBER -> ApplicationFailure.newNonRetryableFailure(e.getMessage(), INVALID_NUMBER);
        case REJECTED, UNAUTHORIZED -> CallFailure.TELEPHONY_REJECTED.failure(e.getMessage());
        case RETRYABLE -> ApplicationFailure.newBuilder().setMessage(e.getMessage()).setType("TelephonyRetryable")
            .setNextRetryDelay(ProviderBackoff.nextRetryDelay(e.retryAfter())).build();
      };
    }
  }

  private static Map<String, String> variables(ContactRow contact) {
    Map<String, String> vars = new java.util.LinkedHashMap<>();
    if (contact.name() != null) {
      vars.put("name", contact.name());
    }
    if (contact.amount() != null) {
      vars.put("amount", contact.amount().toPlainString());
    }
    if (contact.dueDate() != null) {
      vars.put("due_date", contact.dueDate().toString());
    }
    return vars;
  }

  @Override
  public ProviderEvent pollCall(AttemptRef ref) {
    AttemptRow attempt = attempt(ref);
    if (attempt.providerCallId() == null) {
      return new ProviderEvent("poll:" + attempt.id() + ":none", telephony.provider(), attempt.id(), null, -1, "not_placed",
          false, null, null);
    }
    CallStatusInfo status = telephony.fetch(attempt.providerCallId()).orElse(null);
    if (status == null) {
      return new ProviderEvent("poll:" + attempt.id() + ":unknown", telephony.provider(), attempt.id(),
          attempt.providerCallId(), -1, "unknown", false, null, null);
    }
    daos.get(AttemptDao.class).recordProviderStatus(attempt.id(), status.status(), status.answeredBy(),
        status.durationSeconds() == null ? null : status.durationSeconds().intValue());
    return new ProviderEvent("poll:" + attempt.id() + ":" + status.status(), telephony.provider(), attempt.id(),
        attempt.providerCallId(), Integer.MAX_VALUE, status.status(), status.terminal(), status.disposition(),
        status.durationSeconds());
  }

  @Override
  public void recordOutcome(AttemptOutcome outcome) {
    jdbi.useHandle(handle -> recordOutcome(handle, outcome, attempt(new AttemptRef(outcome.orgId(), outcome.attemptId()))));
  }

  /** The attempt's outcome, its person's contact history and the decision, in one transaction on {@code handle}. */
  static void recordOutcome(Handle handle, AttemptOutcome outcome, AttemptRow attempt) {
    handle.useTransaction(h -> {
      SharedDaos.attach(handle, AttemptDao.class).recordOutcome(outcome.orgId(), outcome.attemptId(), outcome.disposition().wire(),
          outcome.reason(), outcome.nextStep());
      SharedDaos.attach(handle, PersonDao.class).setAttemptOutcome(outcome.orgId(), outcome.attemptId(),
          PersonContactGate.callOutcome(outcome.disposition().wire(), attempt.placedAt() != null));
      SharedDaos.attach(handle, DecisionDao.class).insert(outcome.orgId(), attempt.batchId(), attempt.contactId(), attempt.id(),
          outcome.nextStep(), outcome.disposition().wire() + (outcome.reason() == null ? "" : ": " + outcome.reason()));
    });
  }

  @Override
  public void recordContactResult(ContactResult result) {
    daos.get(ContactDao.class).recordResult(result.orgId(), result.contactId(), result.disposition().wire(),
        result.attempts());
  }

  @Override
  public ResumePoint resumePoint(ResumeRequest request) {
    List<AttemptRow> attempts = daos.get(AttemptDao.class).listForContact(request.orgId(), request.contactId())
        .stream().filter(a -> a.batchId().equals(request.batchId())).toList();
    if (attempts.isEmpty()) {
      return ResumePoint.FRESH;
    }
    int dialed = (int) attempts.stream().filter(ContactCallActivitiesImpl::dialed).count();
    AttemptRow last = attempts.get(attempts.size() - 1);
    Disposition ended = attempts.stream().filter(a -> "ended".equals(a.status()) && a.disposition() != null)
        .reduce((a, b) -> b).map(a -> Disposition.fromWire(a.disposition())).orElse(null);
    ResumePoint point = switch (last.status()) {
      case "planned" -> new ResumePoint(last.attemptNumber(), last.phoneIndex(), dialed, ended, 0, null, null, null);
      case "placed" -> new ResumePoint(last.attemptNumber(), last.phoneIndex(), dialed, ended, 0, last.id(),
          storedTerminal(last.id()), null);
      default -> afterEnded(last, dialed, ended, request.settings());
    };
    LOG.info("Contact {} of batch {} resumes: attempt {} ({}), {} dialed", request.contactId(), request.batchId(),
        point.attemptNumber(), last.status(), dialed);
    return point;
  }

  /** The attempt's own decision says what comes next: the retry (after the rest of its delay), the next number, or done. */
  private static ResumePoint afterEnded(AttemptRow last, int dialed, Disposition disposition, BatchSettings settings) {
    String next = last.nextStep() == null ? "done" : last.nextStep();
    return switch (next) {
      case "retry" -> {
        long delay = disposition == null ? 0 : Math.max(0, settings.retryDelayFor(disposition));
        Instant endedAt = last.endedAt() == null ? Instant.EPOCH : last.endedAt();
        yield new ResumePoint(last.attemptNumber() + 1, last.phoneIndex(), dialed, disposition,
            endedAt.plusSeconds(delay).toEpochMilli(), null, null, null);
      }
      case "next_number" -> new ResumePoint(last.attemptNumber() + 1, last.phoneIndex() + 1, dialed, disposition, 0, null,
          null, null);
      default -> new ResumePoint(last.attemptNumber(), last.phoneIndex(), dialed, disposition, 0, null, null,
          disposition == null ? Disposition.FAILED : disposition);
    };
  }

  private static boolean dialed(AttemptRow attempt) {
    return attempt.placedAt() != null || "ended".equals(attempt.status())
        && (Disposition.FAILED.wire().equals(attempt.disposition())
        || Disposition.INVALID_NUMBER.wire().equals(attempt.disposition()));
  }

  /** The terminal status callback stored for the attempt (the webhook stores it before anything else), if any. */
  private ProviderEvent storedTerminal(UUID attemptId) {
    return daos.get(ProviderEventDao.class).listForAttempt(attemptId).stream()
        .filter(e -> e.terminal() && "status".equals(e.kind())).findFirst()
        .map(e -> new ProviderEvent(e.eventKey(), e.provider(), e.attemptId(), e.providerCallId(), e.sequence(),
            e.status(), true, e.disposition() == null ? null : Disposition.fromWire(e.disposition()), null))
        .orElse(null);
  }

  private ContactRow contact(UUID orgId, long contactId) {
    return daos.get(ContactDao.class).find(orgId, contactId).orElseThrow(() -> contactGone(contactId));
  }

  private static ApplicationFailure contactGone(long contactId) {
    return ApplicationFailure.newNonRetryableFailure("contact " + contactId + " no longer exists", CONTACT_NOT_FOUND);
  }

  private AttemptRow attempt(AttemptRef ref) {
    return daos.get(AttemptDao.class).find(ref.orgId(), ref.attemptId()).orElseThrow(() ->
        ApplicationFailure.newNonRetryableFailure("attempt " + ref.attemptId() + " no longer exists", CONTACT_NOT_FOUND));
  }
}
