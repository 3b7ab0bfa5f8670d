package dev.vocero.workflows.calls;

import io.temporal.testing.TestWorkflowEnvironment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * PostgreSQL and a telephony provider, in memory: implements both activity interfaces, records every
 * call with the test server's time, and sends provider events as the webhook relay would (by signal).
 */
final class FakeCallCenter implements BatchActivities, ContactCallActivities, CallRecordingActivities {

  /** Decides a plan at {@code nowMillis}; null dials the requested phone (or NO_USABLE_NUMBER past the last). */
  interface Planner {
    AttemptPlan plan(PlanRequest request, long nowMillis);
  }

  /** What the provider does once an attempt is placed: send events now or later, hold it, or throw. */
  interface Provider {
    void placed(Placement placement, FakeCallCenter center);
  }

  /** The provider's answer to the {@code n}th poll (1-based) of an attempt. */
  interface Poller {
    ProviderEvent poll(Placement placement, int n);
  }

  record Placement(UUID batchId, long contactId, UUID attemptId, int attemptNumber, int phoneIndex, long atMillis) {}

  record PlanCall(PlanRequest request, long atMillis, Decision decision) {}

  record Poll(UUID attemptId, long atMillis) {}

  private final TestWorkflowEnvironment env;
  private volatile List<Long> contacts = List.of();
  private volatile int phonesPerContact = 2;
  private volatile Planner planner = (request, now) -> null;
  private volatile Provider provider = answer(Disposition.ANSWERED_HUMAN);
  private volatile Poller poller = (placement, n) -> event(placement, "in-progress", 50 + n, null);
  private volatile long recordingWaitSeconds;
  private final Map<Long, ResumePoint> resumePoints = new ConcurrentHashMap<>();
  private final List<ResumeRequest> resumeRequests = new CopyOnWriteArrayList<>();
  private final List<RecordingRequest> storedRecordings = new CopyOnWriteArrayList<>();
  private final Set<UUID> audios = ConcurrentHashMap.newKeySet();

  private final Map<UUID, Placement> attempts = new ConcurrentHashMap<>();
  private final Map<Long, AtomicInteger> attemptSequence = new ConcurrentHashMap<>();
  private final List<Placement> placements = new CopyOnWriteArrayList<>();
  private final List<PlanCall> plans = new CopyOnWriteArrayList<>();
  private final List<Poll> polls = new CopyOnWriteArrayList<>();
  private final List<AttemptOutcome> outcomes = new CopyOnWriteArrayList<>();
  private final List<ContactResult> results = new CopyOnWriteArrayList<>();
  private final List<BatchStatusChange> statuses = new CopyOnWriteArrayList<>();
  private final List<ContactPageRequest> pageRequests = new CopyOnWriteArrayList<>();
  private final List<ContactCheck> checks = new CopyOnWriteArrayList<>();
  private final Set<UUID> inFlight = new HashSet<>();
  private int maxInFlight;

  FakeCallCenter(TestWorkflowEnvironment env) {
    this.env = env;
  }

  /** Sends "ringing" then a terminal event with the disposition of each attempt number, before placeCall returns. */
  static Provider answer(Disposition... byAttempt) {
    return (placement, center) -> {
      Disposition disposition = byAttempt[Math.min(placement.attemptNumber(), byAttempt.length) - 1];
      center.send(placement, "ringing", 1, null);
      center.send(placement, statusWord(disposition), 2, disposition);
    };
  }

  /** Rings now; the call ends {@code after} later (test-server time), when the status callback comes. */
  static Provider answerAfter(Duration after, Disposition disposition) {
    return (placement, center) -> {
      center.send(placement, "ringing", 1, null);
      center.sendLater(after, placement, statusWord(disposition), 2, disposition);
    };
  }

  /** Rings and stays in the call until the test calls {@link #hangUp}. */
  static Provider hold() {
    return (placement, center) -> center.send(placement, "ringing", 1, null);
  }

  static String statusWord(Disposition disposition) {
    return switch (disposition) {
      case ANSWERED_HUMAN, ANSWERED_MACHINE -> "completed";
      case NO_ANSWER -> "no-answer";
      case BUSY -> "busy";
      default -> "failed";
    };
  }

  FakeCallCenter contacts(List<Long> ids) {
    contacts = List.copyOf(ids);
    return this;
  }

  FakeCallCenter phonesPerContact(int phones) {
    phonesPerContact = phones;
    return this;
  }

  FakeCallCenter planner(Planner next) {
    planner = next;
    return this;
  }

  FakeCallCenter provider(Provider next) {
    provider = next;
    return this;
  }

  /** Calls are placed as recorded: the contact then waits up to this long for a recording. */
  FakeCallCenter recordingWait(Duration wait) {
    recordingWaitSeconds = wait.toSeconds();
    return this;
  }

  /** What PostgreSQL says about {@code contactId} when its workflow starts (a contact cut off by a restart). */
  FakeCallCenter resumeAt(long contactId, ResumePoint point) {
    resumePoints.put(contactId, point);
    return this;
  }

  /** An attempt placed before a restart: known to the provider (polls answer for it), never placed by this fake. */
  Placement cutOff(UUID batchId, long contactId, UUID attemptId, int attemptNumber, int phoneIndex) {
    Placement placement = new Placement(batchId, contactId, attemptId, attemptNumber, phoneIndex, env.currentTimeMillis());
    attempts.put(attemptId, placement);
    return placement;
  }

  FakeCallCenter poller(Poller next) {
    poller = next;
    return this;
  }

  // --- BatchActivities

  @Override
  public ContactPage nextContacts(ContactPageRequest request) {
    pageRequests.add(request);
    List<Long> after = contacts.stream().filter(id -> id > request.afterContactId()).sorted().toList();
    List<Long> page = after.subList(0, Math.min(request.limit(), after.size()));
    return new ContactPage(List.copyOf(page), after.size() > page.size());
  }

  @Override
  public void recordBatchStatus(BatchStatusChange change) {
    statuses.add(change);
  }

  @Override
  public List<ContactOutcome> closedContacts(ContactCheck check) {
    checks.add(check);
    List<ContactOutcome> closed = new ArrayList<>();
    for (long contactId : check.contactIds()) {
      var status = env.getWorkflowClient()
          .newUntypedWorkflowStub(CallIds.contactWorkflowId(check.batchId(), contactId)).describe().getStatus();
      if (status != io.temporal.api.enums.v1.WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
        closed.add(results.stream().filter(r -> r.contactId() == contactId).findFirst()
            .map(r -> new ContactOutcome(contactId, r.disposition(), r.attempts()))
            .orElse(new ContactOutcome(contactId, Disposition.FAILED, 0)));
      }
    }
    return closed;
  }

  // --- ContactCallActivities

  @Override
  public AttemptPlan planAttempt(PlanRequest request) {
    long now = env.currentTimeMillis();
    AttemptPlan plan = planner.plan(request, now);
    if (plan == null) {
      plan = request.phoneIndex() < phonesPerContact ? dial(request, now) : new AttemptPlan(
          Decision.NO_USABLE_NUMBER, null, 0, request.phoneIndex(), "no usable number left");
    }
    plans.add(new PlanCall(request, now, plan.decision()));
    return plan;
  }

  @Override
  public PlacedCall placeCall(AttemptRef ref) {
    Placement planned = attempts.get(ref.attemptId());
    Placement placement = new Placement(planned.batchId(), planned.contactId(), planned.attemptId(),
        planned.attemptNumber(), planned.phoneIndex(), env.currentTimeMillis());
    attempts.put(ref.attemptId(), placement);
    placements.add(placement);
    callStarted(ref.attemptId());
    try {
      provider.placed(placement, this);
    } catch (RuntimeException e) {
      callEnded(ref.attemptId());
      throw e;
    }
    return new PlacedCall("fake", "CA-" + ref.attemptId(), recordingWaitSeconds);
  }

  @Override
  public ProviderEvent pollCall(AttemptRef ref) {
    polls.add(new Poll(ref.attemptId(), env.currentTimeMillis()));
    int n = (int) polls.stream().filter(p -> p.attemptId().equals(ref.attemptId())).count();
    ProviderEvent answer = poller.poll(attempts.get(ref.attemptId()), n);
    if (answer.terminal()) {
      callEnded(ref.attemptId());
    }
    return answer;
  }

  @Override
  public void recordOutcome(AttemptOutcome outcome) {
    outcomes.add(outcome);
  }

  @Override
  public void recordContactResult(ContactResult result) {
    results.add(result);
  }

  @Override
  public ResumePoint resumePoint(ResumeRequest request) {
    resumeRequests.add(request);
    return resumePoints.getOrDefault(request.contactId(), ResumePoint.FRESH);
  }

  List<ResumeRequest> resumeRequests() {
    return List.copyOf(resumeRequests);
  }

  /** Like the real activity: a deterministic audio id per attempt and recording, created at most once. */
  @Override
  public StoredRecording storeRecording(RecordingRequest request) {
    storedRecordings.add(request);
    UUID audioId = UUID.nameUUIDFromBytes((request.attemptId() + ":" + request.recording().recordingId())
        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return new StoredRecording(audioId, "es", audios.add(audioId));
  }

  // --- the provider's side

  RecordingEvent recording(Placement placement, String status) {
    String sid = "RE-" + placement.attemptId();
    return new RecordingEvent(sid + ":" + status, "fake", placement.attemptId(), "CA-" + placement.attemptId(), sid,
        "https://recordings.example/" + sid, status, 42L);
  }

  /** Signals a recording callback, as the recording webhook does after storing it. */
  void sendRecording(Placement placement, RecordingEvent event) {
    env.getWorkflowClient()
        .newWorkflowStub(ContactCallWorkflow.class, CallIds.contactWorkflowId(placement.batchId(), placement.contactId()))
        .recording(event);
  }

  void sendRecordingLater(Duration delay, Placement placement, RecordingEvent event) {
    env.registerDelayedCallback(delay, () -> sendRecording(placement, event));
  }

  ProviderEvent event(Placement placement, String status, int sequence, Disposition disposition) {
    return new ProviderEvent("fake:" + placement.attemptId() + ":" + sequence + ":" + status, "fake",
        placement.attemptId(), "CA-" + placement.attemptId(), sequence, status, disposition != null, disposition,
        disposition == Disposition.ANSWERED_HUMAN ? 42L : null);
  }

  void send(Placement placement, String status, int sequence, Disposition disposition) {
    send(placement, event(placement, status, sequence, disposition));
  }

  /** Signals the contact's workflow, as the webhook endpoint does after storing the event. */
  void send(Placement placement, ProviderEvent event) {
    if (event.terminal() && placement.attemptId().equals(event.attemptId())) {
      callEnded(placement.attemptId());
    }
    env.getWorkflowClient()
        .newWorkflowStub(ContactCallWorkflow.class, CallIds.contactWorkflowId(placement.batchId(), placement.contactId()))
        .providerEvent(event);
  }

  /** Test-server time stays locked while the callback signals, so it lands before any later timer. */
  void sendLater(Duration delay, Placement placement, String status, int sequence, Disposition disposition) {
    env.registerDelayedCallback(delay, () -> send(placement, status, sequence, disposition));
  }

  /** Ends the contact's latest call (held by {@link #hold()}) with {@code disposition}. */
  void hangUp(long contactId, Disposition disposition) {
    Placement latest = placements.stream().filter(p -> p.contactId() == contactId).reduce((a, b) -> b)
        .orElseThrow(() -> new AssertionError("contact " + contactId + " was never dialed"));
    send(latest, statusWord(disposition), 9, disposition);
  }

  // --- what happened

  List<RecordingRequest> storedRecordings() {
    return List.copyOf(storedRecordings);
  }

  List<Placement> placements() {
    return List.copyOf(placements);
  }

  List<PlanCall> plans() {
    return List.copyOf(plans);
  }

  List<Poll> polls() {
    return List.copyOf(polls);
  }

  List<AttemptOutcome> outcomes() {
    return List.copyOf(outcomes);
  }

  List<ContactResult> results() {
    return List.copyOf(results);
  }

  List<BatchStatusChange> statuses() {
    return List.copyOf(statuses);
  }

  List<ContactCheck> checks() {
    return List.copyOf(checks);
  }

  List<ContactPageRequest> pageRequests() {
    return List.copyOf(pageRequests);
  }

  synchronized int maxInFlight() {
    return maxInFlight;
  }

  synchronized int inFlight() {
    return inFlight.size();
  }

  private AttemptPlan dial(PlanRequest request, long now) {
    int sequence = attemptSequence.computeIfAbsent(request.contactId(), id -> new AtomicInteger()).incrementAndGet();
    UUID attemptId = new UUID(request.contactId(), sequence);
    attempts.put(attemptId, new Placement(request.batchId(), request.contactId(), attemptId, request.attemptNumber(),
        request.phoneIndex(), now));
    return new AttemptPlan(Decision.DIAL, attemptId, 0, request.phoneIndex(), "dial");
  }

  private synchronized void callStarted(UUID attemptId) {
    inFlight.add(attemptId);
    maxInFlight = Math.max(maxInFlight, inFlight.size());
  }

  private synchronized void callEnded(UUID attemptId) {
    inFlight.remove(attemptId);
  }

  static List<Long> ids(long fromInclusive, long toInclusive) {
    List<Long> ids = new ArrayList<>();
    for (long id = fromInclusive; id <= toInclusive; id++) {
      ids.add(id);
    }
    return ids;
  }
}
