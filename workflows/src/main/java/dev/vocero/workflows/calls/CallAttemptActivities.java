package dev.vocero.workflows.calls;

import dev.vocero.workflows.calls.CallCreditActivities.CreditHold;
import dev.vocero.workflows.calls.ContactCallActivities.AttemptOutcome;
import dev.vocero.workflows.calls.ContactCallActivities.AttemptPlan;
import dev.vocero.workflows.calls.ContactCallActivities.ContactResult;
import dev.vocero.workflows.calls.ContactCallActivities.PlanRequest;
import io.temporal.activity.ActivityInterface;

/**
 * One attempt's PostgreSQL steps in two local activities instead of five ({@code contact-call-lean-attempt}): the plan
 * with its credit hold, and the close (settlement, outcome and, when it ends the contact, the contact's result).
 */
@ActivityInterface(namePrefix = "CallAttempt")
public interface CallAttemptActivities {

  /** {@code planAttempt}, then, when it decides DIAL, {@code reserveCall} for the new attempt, on one handle. */
  HeldPlan planAndHold(PlanRequest request);

  /** Settles the credits (when {@code settle}), stores the outcome and the contact's result (when set) in one transaction. */
  void closeAttempt(AttemptClose close);

  /** @param hold the credit hold of a DIAL plan; null for every other decision */
  record HeldPlan(AttemptPlan plan, CreditHold hold) {}

  /**
   * @param durationSeconds from the terminal event, when the attempt row has none; may be null
   * @param result          the contact's result when this outcome ends it, else null
   */
  record AttemptClose(AttemptOutcome outcome, boolean settle, Long durationSeconds, ContactResult result) {}
}
