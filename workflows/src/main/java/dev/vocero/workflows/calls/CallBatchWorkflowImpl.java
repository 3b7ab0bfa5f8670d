package dev.vocero.workflows.calls;

import dev.vocero.workflows.common.WorkflowLabels;
import dev.vocero.workflows.calls.BatchActivities.BatchStatusChange;
import dev.vocero.workflows.calls.BatchActivities.ContactPage;
import dev.vocero.workflows.calls.BatchActivities.ContactPageRequest;
import dev.vocero.workflows.common.VoceroSearchAttributes;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import io.temporal.workflow.WorkflowLock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;

/**
 * A sliding window of contact calls: one page of contacts per run, at most maxConcurrentCalls children
 * running, starts paced at callsPerSecond, children report by signal, continue-as-new after each page.
 *
 * <p>Starts follow a fixed {@link DispatchTimetable}; every start due in a workflow task is initiated in that task
 * without waiting for the previous one to be confirmed; a page is 500 contacts; and a batch waiting for children
 * carried over from an earlier run checks, when nothing happened for a while, whether any of them closed without
 * reporting (terminated by an operator).
 */
public final class CallBatchWorkflowImpl implements CallBatchWorkflow {


  private static final Logger log = Workflow.getLogger(CallBatchWorkflowImpl.class);
  private static final Duration PAGE_RETRY = Duration.ofMinutes(1);

  private final BatchActivities activities = Workflow.newActivityStub(BatchActivities.class, CallActivityOptions.io());
  private final WorkflowLock mirrorLock = Workflow.newWorkflowLock();
  private final UUID orgId;
  private final UUID batchId;
  private final ContactChildren children;
  private final int requestedPageSize;
  private final Set<Long> running;
  private final CarriedChildren carried;
  private final double carriedNextStartDueMillis;
  private DispatchTimetable timetable;
  private int pendingStarts;
  private int reports;
  private BatchSettings settings;
  private long afterContactId;
  private int started;
  private int finished;
  private boolean paused;
  private String pauseReason;
  /** Started again from PostgreSQL: its contacts look up where their calls stand first. */
  private final boolean resumed;
  private BatchStatus status;
  private boolean cancelled;
  private String cancelReason;
  private boolean childrenCancelled;
  private int paceChanges;

  @WorkflowInit
  public CallBatchWorkflowImpl(CallBatchInput input) {
    this.orgId = input.orgId();
    this.batchId = input.batchId();
    this.requestedPageSize = input.pageSize();
    this.running = new LinkedHashSet<>(input.running() == null ? List.of() : input.running());
    this.carried = new CarriedChildren(activities, orgId, batchId, running, log);
    this.carriedNextStartDueMillis = input.nextStartDueMillis();
    this.settings = input.settings();
    this.afterContactId = input.afterContactId();
    this.started = input.started();
    this.finished = input.finished();
    this.paused = input.paused();
    this.pauseReason = paused ? input.pauseReason() : null;
    this.resumed = input.resumed();
    this.status = paused ? BatchStatus.PAUSED : BatchStatus.RUNNING;
    this.children = new ContactChildren(orgId, batchId, log);
  }

  @Override
  public BatchProgress run(CallBatchInput input) {
    changeStatus(status); // every run mirrors its counters, so PostgreSQL shows progress page by page
    ContactPage page = nextPage();
    List<Long> contactIds = page.contactIds() == null ? List.of() : page.contactIds();
    if (carried.any()) {
      Async.procedure(() -> carried.watch(running, () -> reports, this::contactEnded));
    }
    boolean allStarted = dispatchAll(contactIds);
    if (allStarted && page.more() && !contactIds.isEmpty()) {
      continueWithNextPage();
    }
    return finish();
  }

  @Override
  public BatchProgress progress() {
    return new BatchProgress(status, started, finished, running.size(), paused, settings.callsPerSecond(),
        settings.maxConcurrentCalls(), pauseReason);
  }

  @Override
  public BatchProgress snapshot() {
    return progress();
  }

  @Override
  public void validatePause() {
    requireOpen();
    if (paused) {
      throw new IllegalStateException("the batch is already paused");
    }
  }

  @Override
  public BatchProgress pause() {
    paused = true;
    if (status == BatchStatus.RUNNING) {
      changeStatus(BatchStatus.PAUSED);
    }
    return progress();
  }

  @Override
  public void validateResume() {
    requireOpen();
    if (!paused) {
      throw new IllegalStateException("the batch is not paused");
    }
  }

  @Override
  public BatchProgress resume() {
    paused = false;
    pauseReason = null;
    if (timetable != null) {
      timetable.resume(Workflow.currentTimeMillis());
    }
    if (status == BatchStatus.PAUSED) {
      changeStatus(BatchStatus.RUNNING);
    }
    return progress();
  }

  @Override
  public void validateSetPace(PaceChange change) {
    requireOpen();
    BatchLimits.checkPace(change);
  }

  /**
   * Applies from the next start. Running children got the settings at their start but never read pace or cap (only
   * the batch does), so there is nothing to hand to them; children started from now on get the new values.
   */
  @Override
  public BatchProgress setPace(PaceChange change) {
    int max = change.maxConcurrentCalls() == null ? settings.maxConcurrentCalls() : change.maxConcurrentCalls();
    settings = settings.withPace(change.callsPerSecond(), max);
    paceChanges++;
    if (timetable != null) {
      timetable.repace(change.callsPerSecond(), Workflow.currentTimeMillis());
    }
    log.info("Batch {} paced at {} calls/s, {} at once", batchId, change.callsPerSecond(), max);
    return progress();
  }

  @Override
  public void cancel(String reason) {
    if (cancelled) {
      return;
    }
    cancelled = true;
    cancelReason = reason == null || reason.isBlank() ? "cancelled" : reason;
    log.info("Batch {} cancel requested", batchId);
  }

  /** Stops further starts until an operator resumes (after a top-up); calls already placed go on. */
  @Override
  public void creditExhausted(String reason) {
    if (paused || cancelled || status == BatchStatus.COMPLETED) {
      return;
    }
    paused = true;
    pauseReason = reason == null || reason.isBlank() ? BatchProgress.CREDIT_REASON : reason;
    log.info("Batch {} paused: {}", batchId, pauseReason);
    if (status == BatchStatus.RUNNING) {
      changeStatus(BatchStatus.PAUSED);
    }
  }

  @Override
  public void contactFinished(ContactOutcome outcome) {
    if (outcome != null) {
      contactEnded(outcome.contactId());
    }
  }

  /** Deduplicated: only a running contact counts. */
  private void contactEnded(long contactId) {
    if (running.remove(contactId)) {
      finished++;
      reports++;
    }
  }

  private void requireOpen() {
    if (cancelled) {
      throw new IllegalStateException("the batch was cancelled");
    }
    if (status == BatchStatus.COMPLETED) {
      throw new IllegalStateException("the batch has finished");
    }
  }

  /** A PostgreSQL outage must not kill the batch: the page read is retried until it works or a cancel comes. */
  private ContactPage nextPage() {
    ContactPageRequest request =
        new ContactPageRequest(orgId, batchId, afterContactId, BatchLimits.pageSize(requestedPageSize));
    while (!cancelled) {
      try {
        return activities.nextContacts(request);
      } catch (ActivityFailure e) {
        log.warn("Batch {} could not read contacts after {}; retrying", batchId, afterContactId);
        Workflow.await(PAGE_RETRY, () -> cancelled);
      }
    }
    return new ContactPage(List.of(), false);
  }

  /**
   * Starts the page on the timetable; each workflow task initiates every start that is due and has a free slot.
   * Returns false when a cancel stopped the page before every contact was started.
   */
  private boolean dispatchAll(List<Long> contactIds) {
    if (timetable == null && !contactIds.isEmpty()) { // t0 is the first start, not the page read before it
      timetable = new DispatchTimetable(settings.callsPerSecond(), carriedNextStartDueMillis, Workflow.currentTimeMillis());
    }
    int next = 0;
    while (next < contactIds.size()) {
      if (!awaitDue()) {
        return false;
      }
      long now = Workflow.currentTimeMillis();
      int count = Math.min(contactIds.size() - next, Math.min(freeSlots(), timetable.due(now)));
      for (int i = 0; i < count; i++) {
        long contactId = contactIds.get(next++);
        initiateStart(contactId);
        afterContactId = contactId;
      }
      timetable.started(count, now);
    }
    return true;
  }

  /** Waits for a free slot, no pause and a due start; a setPace, resume, report or cancel re-evaluates the wait. */
  private boolean awaitDue() {
    while (true) {
      Workflow.await(() -> cancelled || canStart());
      if (cancelled) {
        return false;
      }
      long wait = timetable.millisUntilNext(Workflow.currentTimeMillis());
      if (wait <= 0) {
        return true;
      }
      int seen = paceChanges;
      Workflow.await(Duration.ofMillis(wait), () -> cancelled || !canStart() || paceChanges != seen);
    }
  }

  private int freeSlots() {
    return Math.max(0, settings.maxConcurrentCalls() - running.size());
  }

  /** Initiates the child without waiting for its start; the slot is taken now and freed by its report or its end. */
  private void initiateStart(long contactId) {
    started++;
    running.add(contactId);
    pendingStarts++;
    children.start(new ContactCallInput(orgId, batchId, contactId, settings, resumed), startedNow -> {
      pendingStarts--;
      if (!startedNow) {
        contactEnded(contactId);
      }
    }, () -> contactEnded(contactId)); // a child that ends without its signal (terminated by an operator) frees its slot
  }

  private boolean canStart() {
    return !paused && running.size() < settings.maxConcurrentCalls();
  }

  /** Keeps the pace across the boundary, then hands the running children and counters to the next run. */
  private void continueWithNextPage() {
    Workflow.await(() -> pendingStarts == 0); // a start refused later would otherwise hold a slot for ever
    Workflow.await(Workflow::isEveryHandlerFinished);
    if (cancelled) {
      return;
    }
    log.info("Batch {} continues as new after contact {} ({} started, {} running)", batchId, afterContactId,
        started, running.size());
    Workflow.continueAsNew(WorkflowLabels.carriedOn(), new CallBatchInput(orgId, batchId, settings, afterContactId, List.copyOf(running),
        started, finished, paused, requestedPageSize,
        timetable != null ? timetable.nextDueMillis() : 0, pauseReason, resumed));
  }

  private BatchProgress finish() {
    drain();
    changeStatus(cancelled ? BatchStatus.CANCELLED : BatchStatus.COMPLETED);
    Workflow.await(Workflow::isEveryHandlerFinished);
    return progress();
  }

  /** Waits for every running child to report; on a cancel, tells them first. */
  private void drain() {
    while (true) {
      Workflow.await(() -> running.isEmpty() || cancelled && !childrenCancelled);
      if (running.isEmpty()) {
        return;
      }
      cancelChildren();
    }
  }

  private void cancelChildren() {
    childrenCancelled = true;
    log.info("Batch {} cancelling {} running contacts", batchId, running.size());
    children.cancel(List.copyOf(running), cancelReason);
  }

  /** Mirrors are serialized and each writes the status current when it runs, so the last write is the truth. */
  private void changeStatus(BatchStatus next) {
    status = next;
    if (!next.wire().equals(Workflow.getTypedSearchAttributes().get(VoceroSearchAttributes.STATUS))) {
      Workflow.upsertTypedSearchAttributes(VoceroSearchAttributes.STATUS.valueSet(next.wire()));
    }
    mirrorLock.lock();
    try {
      activities.recordBatchStatus(new BatchStatusChange(orgId, batchId, status, started, finished,
          status == BatchStatus.PAUSED ? pauseReason : null));
    } catch (ActivityFailure e) {
      log.warn("Batch {} status {} not mirrored to PostgreSQL", batchId, status);
    } finally {
      mirrorLock.unlock();
    }
  }
}
