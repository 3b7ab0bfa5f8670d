package dev.vocero.workflows.calls;

import dev.vocero.workflows.calls.CallCreditActivities.CallReservation;
import dev.vocero.workflows.calls.CallCreditActivities.CallSettlement;
import dev.vocero.workflows.calls.CallCreditActivities.CreditHold;
import dev.vocero.workflows.calls.ContactCallActivities.AttemptRef;
import dev.vocero.workflows.calls.ContactCallActivities.PlacedCall;
import dev.vocero.workflows.common.Failures;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;

/**
 * The provider side of one contact's attempts: the credit hold before a dial, the dial, the wait for the terminal
 * event (a deadline, then a poll, twice) and the settlement after it. Provider events arrive in {@link #events()}.
 */
final class ProviderCall {
  /** What {@code pollCall} answers when the provider has no such call (never placed, or unknown to it). */
  static final Set<String> PROVIDER_UNAWARE = Set.of("unknown", "not_placed");
  private static final int POLL_ROUNDS = 2;

  private final ContactCallActivities dialer =
      Workflow.newActivityStub(ContactCallActivities.class, CallActivityOptions.placeCall());
  private final ContactCallActivities poller =
      Workflow.newActivityStub(ContactCallActivities.class, CallActivityOptions.pollCall());
  private final CallCreditActivities credits =
      Workflow.newLocalActivityStub(CallCreditActivities.class, CallActivityOptions.localIo());
  private final ProviderEventLog events = new ProviderEventLog();
  private final ContactCallInput contact;
  private final Logger log;

  ProviderCall(ContactCallInput contact, Logger log) {
    this.contact = contact;
    this.log = log;
  }

  ProviderEventLog events() {
    return events;
  }

  CreditHold reserve(AttemptRef ref) {
    return credits.reserveCall(new CallReservation(contact.orgId(), contact.batchId(), contact.contactId(),
        ref.attemptId()));
  }

  PlacedCall place(AttemptRef ref) {
    return dialer.placeCall(ref);
  }

  /** Waits for the attempt's terminal event; a cancel does not cut a call short. Null when none came. */
  ProviderEvent awaitTerminal(AttemptRef ref) {
    UUID attemptId = ref.attemptId();
    Duration timeout = Duration.ofSeconds(Math.max(1, contact.settings().answerTimeoutSeconds()));
    for (int round = 0; round < POLL_ROUNDS; round++) {
      if (Workflow.await(timeout, () -> events.terminalFor(attemptId) != null)) {
        break;
      }
      poll(ref);
      if (events.terminalFor(attemptId) != null) {
        break;
      }
    }
    return events.terminalFor(attemptId);
  }

  /** Asks the provider once; true when it has never heard of the call. */
  boolean pollUnaware(AttemptRef ref) {
    poll(ref);
    ProviderEvent known = events.latestFor(ref.attemptId());
    return known != null && PROVIDER_UNAWARE.contains(known.status());
  }

  /** Charges the call's started minutes and releases the rest of its hold; a failure leaves the hold for an operator. */
  void settle(AttemptRef ref) {
    ProviderEvent terminal = events.terminalFor(ref.attemptId());
    try {
      credits.settleCall(new CallSettlement(contact.orgId(), ref.attemptId(),
          terminal == null ? null : terminal.durationSeconds()));
    } catch (ActivityFailure e) {
      log.warn("Credits of attempt {} (contact {}) not settled: {}", ref.attemptId(), contact.contactId(),
          Failures.type(e));
    }
  }

  private void poll(AttemptRef ref) {
    try {
      events.record(ref.attemptId(), poller.pollCall(ref));
    } catch (ActivityFailure e) {
      log.warn("Polling attempt {} of contact {} failed: {}", ref.attemptId(), contact.contactId(), Failures.type(e));
    }
  }
}
