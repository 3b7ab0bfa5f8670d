package dev.vocero.workflows.messaging;

import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongFunction;
import java.util.stream.LongStream;

/** Wave activities over an in-memory contact list; records every send try with the test server's time. */
final class FakeMessenger implements MessageActivities {
  record Try(long contactId, long atMillis) {}

  private final TestWorkflowEnvironment env;
  final List<Try> tries = new CopyOnWriteArrayList<>();
  final List<SendFailure> failures = new CopyOnWriteArrayList<>();
  final List<WaveProgress> recorded = new CopyOnWriteArrayList<>();
  final AtomicInteger pages = new AtomicInteger();
  /** Contacts whose send was refused for lack of credit, once per refusal. */
  final List<Long> refusedForCredit = new CopyOnWriteArrayList<>();
  private Long credits; // null: the organization is not limited
  private final Map<Long, Outcome> outcomes = new ConcurrentHashMap<>();
  private final Map<Long, Long> allowedFrom = new ConcurrentHashMap<>();
  private volatile List<Long> contacts = List.of();
  private volatile LongFunction<RuntimeException> failure = id -> null;

  FakeMessenger(TestWorkflowEnvironment env) {
    this.env = env;
  }

  FakeMessenger contacts(long from, long to) {
    contacts = LongStream.rangeClosed(from, to).boxed().toList();
    return this;
  }

  FakeMessenger outcome(long contactId, Outcome outcome) {
    outcomes.put(contactId, outcome);
    return this;
  }

  /** Like the contact gate's "wait until": a deferrable send before {@code atMillis} answers WAITING. */
  FakeMessenger allowedFrom(long contactId, long atMillis) {
    allowedFrom.put(contactId, atMillis);
    return this;
  }

  /** The exception a send to this contact throws (null: none). */
  FakeMessenger failing(LongFunction<RuntimeException> failure) {
    this.failure = failure;
    return this;
  }

  static RuntimeException retryable() {
    return ApplicationFailure.newFailure("HTTP 503", "MessagingRetryable");
  }

  static RuntimeException rejected() {
    return MessageFailure.MESSAGE_REJECTED.failure("error 21211");
  }

  /** Limits the organization to this many charged messages (one credit each). */
  synchronized FakeMessenger credits(long credits) {
    this.credits = credits;
    return this;
  }

  synchronized void topUp(long amount) {
    credits += amount;
  }

  /** Like the ledger: a charged send is refused, and nothing is sent, when no credit is left. */
  private synchronized boolean covered(SendRequest request) {
    if (credits == null) {
      return true;
    }
    if (credits <= 0) {
      refusedForCredit.add(request.contactId());
      return false;
    }
    credits--;
    return true;
  }

  long sent(long contactId) {
    return tries.stream().filter(t -> t.contactId() == contactId).count();
  }

  @Override
  public RecipientPage recipients(RecipientRequest request) {
    pages.incrementAndGet();
    return new RecipientPage(contacts.stream().filter(id -> id > request.afterContactId()).limit(request.limit())
        .toList());
  }

  @Override
  public SendResult send(SendRequest request) {
    if (!covered(request)) {
      return new SendResult(Outcome.NO_CREDIT, MessagingIds.outboundMessageId(request.waveId(), request.contactId()),
          null);
    }
    tries.add(new Try(request.contactId(), env.currentTimeMillis()));
    long from = allowedFrom.getOrDefault(request.contactId(), 0L);
    if (request.mayWait() && env.currentTimeMillis() < from) {
      return new SendResult(Outcome.WAITING, MessagingIds.outboundMessageId(request.waveId(), request.contactId()),
          "policy_wait", from);
    }
    RuntimeException e = failure.apply(request.contactId());
    if (e != null) {
      throw e;
    }
    Outcome outcome = outcomes.getOrDefault(request.contactId(), Outcome.SENT);
    return new SendResult(outcome, MessagingIds.outboundMessageId(request.waveId(), request.contactId()), null);
  }

  @Override
  public void recordFailure(SendFailure failure) {
    failures.add(failure);
  }

  @Override
  public void recordWave(WaveStatusChange change) {
    recorded.add(change.progress());
  }

  /** Registers the real wave workflow and this fake on the queues it uses, starts {@code env}; the wave's stub. */
  MessageWaveWorkflow startWave(java.util.UUID waveId) {
    env.newWorker(dev.vocero.workflows.common.TaskQueues.WORKFLOWS)
        .registerWorkflowImplementationTypes(MessageWaveWorkflowImpl.class);
    for (String queue : java.util.List.of(dev.vocero.workflows.common.TaskQueues.IO,
        dev.vocero.workflows.common.TaskQueues.TELEPHONY)) {
      env.newWorker(queue).registerActivitiesImplementations(this);
    }
    env.start();
    return env.getWorkflowClient().newWorkflowStub(MessageWaveWorkflow.class,
        io.temporal.client.WorkflowOptions.newBuilder().setWorkflowId(MessagingIds.waveWorkflowId(waveId))
            .setTaskQueue(dev.vocero.workflows.common.TaskQueues.WORKFLOWS).build());
  }
}
