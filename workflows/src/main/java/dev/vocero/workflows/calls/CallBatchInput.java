package dev.vocero.workflows.calls;

import java.util.List;
import java.util.UUID;

/**
 * Start input of {@link CallBatchWorkflow}, and what it carries across continue-as-new.
 *
 * @param afterContactId     contacts with a larger id are still to be started (0 at the first run)
 * @param running            contact ids whose call workflows were started and have not reported back
 * @param pageSize           contacts read (and started) per run before continuing-as-new; 0 = the default
 * @param nextStartDueMillis when the next start is due on the dispatch timetable (0 = now; absent before v1)
 * @param pauseReason        why the batch paused itself (carried while paused); null otherwise
 * @param resumed            started again from PostgreSQL after a restart: its contacts first look up their attempts
 */
public record CallBatchInput(
    UUID orgId,
    UUID batchId,
    BatchSettings settings,
    long afterContactId,
    List<Long> running,
    int started,
    int finished,
    boolean paused,
    int pageSize,
    double nextStartDueMillis,
    String pauseReason,
    boolean resumed) {

  public CallBatchInput(UUID orgId, UUID batchId, BatchSettings settings, long afterContactId, List<Long> running,
      int started, int finished, boolean paused, int pageSize, double nextStartDueMillis, String pauseReason) {
    this(orgId, batchId, settings, afterContactId, running, started, finished, paused, pageSize, nextStartDueMillis,
        pauseReason, false);
  }

  public CallBatchInput(UUID orgId, UUID batchId, BatchSettings settings, long afterContactId, List<Long> running,
      int started, int finished, boolean paused, int pageSize, double nextStartDueMillis) {
    this(orgId, batchId, settings, afterContactId, running, started, finished, paused, pageSize, nextStartDueMillis,
        null);
  }

  public CallBatchInput(UUID orgId, UUID batchId, BatchSettings settings, long afterContactId, List<Long> running,
      int started, int finished, boolean paused) {
    this(orgId, batchId, settings, afterContactId, running, started, finished, paused, 0, 0);
  }

  public static CallBatchInput first(UUID orgId, UUID batchId, BatchSettings settings) {
    return new CallBatchInput(orgId, batchId, settings, 0, List.of(), 0, 0, false, 0, 0);
  }

  public CallBatchInput withPageSize(int newPageSize) {
    return new CallBatchInput(orgId, batchId, settings, afterContactId, running, started, finished, paused, newPageSize,
        nextStartDueMillis, pauseReason);
  }
}
