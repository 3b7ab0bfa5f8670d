package dev.vocero.workflows.calls;

import dev.vocero.workflows.calls.BatchActivities.ContactCheck;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntSupplier;
import java.util.function.LongConsumer;
import org.slf4j.Logger;

/**
 * Children started by an earlier run of the batch: this run has no result promise for them, only their report, so one
 * terminated by an operator would never report. While any is running and no report came for a while, asks Temporal
 * which of them closed and counts those as finished (with their recorded result).
 */
final class CarriedChildren {
  /** Without any report for this long, the batch asks Temporal about the children it carried over. */
  static final Duration IDLE_CHECK = Duration.ofMinutes(10);

  private final BatchActivities activities;
  private final UUID orgId;
  private final UUID batchId;
  private final Logger log;
  private final Set<Long> carried;

  CarriedChildren(BatchActivities activities, UUID orgId, UUID batchId, Collection<Long> carried,
      Logger log) {
    this.activities = activities;
    this.orgId = orgId;
    this.batchId = batchId;
    this.carried = new LinkedHashSet<>(carried);
    this.log = log;
  }

  boolean any() {
    return !carried.isEmpty();
  }

  /** Runs beside the dispatch until none of them is {@code running} any more; {@code ended} counts a closed one. */
  void watch(Set<Long> running, IntSupplier reports, LongConsumer ended) {
    while (true) {
      carried.retainAll(running);
      if (carried.isEmpty()) {
        return;
      }
      int seen = reports.getAsInt();
      Workflow.sleep(IDLE_CHECK);
      if (reports.getAsInt() == seen) {
        findClosed(running, ended);
      }
    }
  }

  private void findClosed(Set<Long> running, LongConsumer ended) {
    carried.retainAll(running);
    if (carried.isEmpty()) {
      return;
    }
    List<ContactOutcome> closed;
    try {
      closed = activities.closedContacts(new ContactCheck(orgId, batchId, List.copyOf(carried)));
    } catch (ActivityFailure e) {
      log.warn("Batch {} could not check its carried-over contacts; will look again", batchId);
      return;
    }
    for (ContactOutcome outcome : closed) {
      log.warn("Batch {}: contact {} closed without reporting; counted as {}", batchId, outcome.contactId(),
          outcome.disposition());
      ended.accept(outcome.contactId());
    }
  }
}
