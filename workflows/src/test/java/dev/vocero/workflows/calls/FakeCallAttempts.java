package dev.vocero.workflows.calls;

import dev.vocero.workflows.calls.CallCreditActivities.CallReservation;
import dev.vocero.workflows.calls.CallCreditActivities.CallSettlement;
import dev.vocero.workflows.calls.ContactCallActivities.AttemptPlan;
import dev.vocero.workflows.calls.ContactCallActivities.Decision;
import dev.vocero.workflows.calls.ContactCallActivities.PlanRequest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The lean steps over the same fakes the other stubs use, so a test sees one call center and one ledger. */
final class FakeCallAttempts implements CallAttemptActivities {
  private final FakeCallCenter center;
  private final FakeCredits credits;
  private final List<AttemptClose> closes = new CopyOnWriteArrayList<>();

  FakeCallAttempts(FakeCallCenter center, FakeCredits credits) {
    this.center = center;
    this.credits = credits;
  }

  @Override
  public HeldPlan planAndHold(PlanRequest request) {
    AttemptPlan plan = center.planAttempt(request);
    return plan.decision() != Decision.DIAL ? new HeldPlan(plan, null) : new HeldPlan(plan, credits.reserveCall(
        new CallReservation(request.orgId(), request.batchId(), request.contactId(), plan.attemptId())));
  }

  @Override
  public void closeAttempt(AttemptClose close) {
    closes.add(close);
    if (close.settle()) {
      credits.settleCall(new CallSettlement(close.outcome().orgId(), close.outcome().attemptId(),
          close.durationSeconds()));
    }
    center.recordOutcome(close.outcome());
    if (close.result() != null) {
      center.recordContactResult(close.result());
    }
  }

  List<AttemptClose> closes() {
    return closes;
  }
}
