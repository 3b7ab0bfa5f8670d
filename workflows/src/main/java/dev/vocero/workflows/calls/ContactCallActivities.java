package dev.vocero.workflows.calls;

import io.temporal.activity.ActivityInterface;
import java.util.UUID;

/**
 * The steps of one contact's calls. Each is idempotent; {@code placeCall} is effectively-once: the
 * attempt row exists before dialing and a retry first looks for the provider call of that attempt.
 */
@ActivityInterface(namePrefix = "Calls")
public interface ContactCallActivities {

  /**
   * Decides the next step for the contact now: wait for its next legal calling window, dial (creating
   * the attempt row), or stop (DNC, weekly cap, no usable number, batch deadline). Every decision is
   * recorded with its reason.
   */
  AttemptPlan planAttempt(PlanRequest request);

  /** Dials the attempt through the configured telephony provider; returns the provider's call id. */
  PlacedCall placeCall(AttemptRef attempt);

  /** Asks the provider for the attempt's call status (the fallback when no terminal event arrived). */
  ProviderEvent pollCall(AttemptRef attempt);

  /** Stores the attempt's disposition and the decision taken after it (retry, next number, done). */
  void recordOutcome(AttemptOutcome outcome);

  /** Stores the contact's final disposition. */
  void recordContactResult(ContactResult result);

  /**
   * Where this contact's calls stand in PostgreSQL, so a call workflow started again (after {@code vocero dev} restarted
   * its in-memory Temporal) goes on from there instead of from attempt 1. A contact never planned gets
   * {@link ResumePoint#FRESH}.
   */
  ResumePoint resumePoint(ResumeRequest request);

  enum Decision { DIAL, WAIT, BLOCKED_DNC, BLOCKED_CAP, WINDOW_EXPIRED, NO_USABLE_NUMBER }

  /**
   * @param attemptNumber 1-based number of the attempt being planned
   * @param phoneIndex    which of the contact's numbers (0 = first) to use
   */
  record PlanRequest(UUID orgId, UUID batchId, long contactId, int attemptNumber, int phoneIndex, BatchSettings settings) {}

  /**
   * @param attemptId     set when decision is DIAL (the attempt row was created)
   * @param notBeforeEpochMs set when decision is WAIT: the start of the contact's next legal window
   * @param phoneIndex    the number chosen (may be later than requested when earlier ones are unusable)
   * @param reason        a human reason, stored and shown in the report
   */
  record AttemptPlan(Decision decision, UUID attemptId, long notBeforeEpochMs, int phoneIndex, String reason) {}

  record AttemptRef(UUID orgId, UUID attemptId) {}

  /**
   * @param recordingWaitSeconds 0 when the call is not recorded; else how long (workflow time) to wait, once the
   *                             contact has reported, for the recording of an answered call
   */
  record PlacedCall(String provider, String providerCallId, long recordingWaitSeconds) {

    public PlacedCall(String provider, String providerCallId) {
      this(provider, providerCallId, 0);
    }
  }

  /** @param nextStep what the workflow does next: retry, next_number, done */
  record AttemptOutcome(UUID orgId, UUID attemptId, Disposition disposition, String reason, String nextStep) {}

  record ContactResult(UUID orgId, UUID batchId, long contactId, Disposition disposition, int attempts) {}

  /** @param settings the batch's, for the retry delay of an attempt that ended with a retry decision */
  record ResumeRequest(UUID orgId, UUID batchId, long contactId, BatchSettings settings) {}

  /**
   * @param attemptNumber    the attempt to plan next (1 when nothing was planned yet), or the open attempt's number
   * @param phoneIndex       the number to plan it on (or the open attempt's)
   * @param dialed           attempts dialed so far
   * @param lastDisposition  how the last ended attempt ended (null when none did)
   * @param notBeforeEpochMs a retry wait that had not run out: the next attempt is planned no earlier (0 = now)
   * @param openAttemptId    an attempt that was placed but never ended (the call the restart cut off), else null
   * @param openTerminal     the terminal status callback stored for it, when the provider sent one before the restart
   * @param finished         set when the attempts already ended the contact (its last decision was "done")
   */
  record ResumePoint(int attemptNumber, int phoneIndex, int dialed, Disposition lastDisposition, long notBeforeEpochMs,
      UUID openAttemptId, ProviderEvent openTerminal, Disposition finished) {

    public static final ResumePoint FRESH = new ResumePoint(1, 0, 0, null, 0, null, null, null);
  }
}
