package dev.vocero.activities.calls;

import dev.vocero.store.SharedDaos;
import dev.vocero.store.calls.AttemptDao;
import dev.vocero.store.calls.AttemptRow;
import dev.vocero.store.calls.ContactDao;
import dev.vocero.workflows.calls.CallAttemptActivities;
import dev.vocero.workflows.calls.CallCreditActivities.CallReservation;
import dev.vocero.workflows.calls.CallCreditActivities.CallSettlement;
import dev.vocero.workflows.calls.CallCreditActivities.CreditHold;
import dev.vocero.workflows.calls.ContactCallActivities.AttemptOutcome;
import dev.vocero.workflows.calls.ContactCallActivities.AttemptPlan;
import dev.vocero.workflows.calls.ContactCallActivities.ContactResult;
import dev.vocero.workflows.calls.ContactCallActivities.Decision;
import dev.vocero.workflows.calls.ContactCallActivities.PlanRequest;
import io.temporal.failure.ApplicationFailure;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The plan with its credit hold, and the attempt's close, each on one pooled handle (see the interface). */
public final class CallAttemptActivitiesImpl implements CallAttemptActivities {
  private final Jdbi jdbi;
  private final SharedDaos daos;
  private final ContactCallActivitiesImpl calls;
  private final CallCreditActivitiesImpl credits;

  public CallAttemptActivitiesImpl(Jdbi jdbi, ContactCallActivitiesImpl calls, CallCreditActivitiesImpl credits) {
    this.jdbi = jdbi;
    this.daos = SharedDaos.of(jdbi);
    this.calls = calls;
    this.credits = credits;
  }

  /** The nested steps open no handle of their own: Jdbi hands them this one (its handle scope is per thread). */
  @Override
  public HeldPlan planAndHold(PlanRequest request) {
    return jdbi.withHandle(handle -> {
      AttemptPlan plan = calls.planAttempt(request);
      if (plan.decision() != Decision.DIAL) {
        return new HeldPlan(plan, null);
      }
      CreditHold hold = credits.reserveCall(new CallReservation(request.orgId(), request.batchId(),
          request.contactId(), plan.attemptId()));
      return new HeldPlan(plan, hold);
    });
  }

  /**
   * One transaction: a retry after a failure finds nothing half-done (each step is idempotent besides). The settlement
   * comes last: it locks the organisation's credit account row until the commit, and every call of the organisation
   * settles on that row, so the lock is held for the settlement alone, not for the outcome and result before it.
   */
  @Override
  public void closeAttempt(AttemptClose close) {
    AttemptOutcome outcome = close.outcome();
    jdbi.useHandle(handle -> {
      AttemptRow attempt = daos.get(AttemptDao.class).find(outcome.orgId(), outcome.attemptId())
          .orElseThrow(() -> ApplicationFailure.newNonRetryableFailure(
              "attempt " + outcome.attemptId() + " no longer exists", ContactCallActivitiesImpl.CONTACT_NOT_FOUND));
      handle.useTransaction(h -> {
        ContactCallActivitiesImpl.recordOutcome(h, outcome, attempt);
        ContactResult result = close.result();
        if (result != null) {
          daos.get(ContactDao.class).recordResult(result.orgId(), result.contactId(), result.disposition().wire(),
              result.attempts());
        }
        if (close.settle()) {
          credits.settleIn(h, new CallSettlement(outcome.orgId(), outcome.attemptId(), close.durationSeconds()),
              Optional.of(attempt));
        }
      });
    });
  }
}
