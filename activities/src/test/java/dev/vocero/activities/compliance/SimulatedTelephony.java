package dev.vocero.activities.compliance;

import dev.vocero.activities.telephony.CallRequest;
import dev.vocero.activities.telephony.CallStatusInfo;
import dev.vocero.activities.telephony.PlacedCallInfo;
import dev.vocero.activities.telephony.Telephony;
import dev.vocero.activities.telephony.TelephonyException;
import dev.vocero.store.calls.AttemptDao;
import dev.vocero.store.calls.AttemptRow;
import dev.vocero.workflows.calls.CallIds;
import dev.vocero.workflows.calls.ContactCallWorkflow;
import dev.vocero.workflows.calls.Disposition;
import dev.vocero.workflows.calls.ProviderEvent;
import io.temporal.client.WorkflowClient;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Jdbi;

/**
 * The telephony provider of the simulation: how each call ends follows from the seed and the attempt, and the
 * terminal status reaches the contact's workflow as the webhook delivers it (a {@code providerEvent} signal); a poll
 * answers the same. A number the seed calls invalid is refused as the provider refuses it, so the workflow moves on to
 * the person's next number.
 */
final class SimulatedTelephony implements Telephony {
  private final long seed;
  private final UUID orgId;
  private final Jdbi jdbi;
  private final WorkflowClient client;
  private final Map<String, CallStatusInfo> calls = new ConcurrentHashMap<>();

  SimulatedTelephony(long seed, UUID orgId, Jdbi jdbi, WorkflowClient client) {
    this.seed = seed;
    this.orgId = orgId;
    this.jdbi = jdbi;
    this.client = client;
  }

  /** A number of the seed's choosing (about one in twelve) does not exist. */
  boolean invalid(String number) {
    return roll(number) % 12 == 0;
  }

  @Override
  public String provider() {
    return "simulated";
  }

  @Override
  public PlacedCallInfo place(CallRequest request) {
    if (invalid(request.to())) {
      throw new TelephonyException(TelephonyException.Kind.INVALID_NUMBER, 400, null, "not a valid number", null);
    }
    String callId = "CA" + request.attemptId().toString().replace("-", "");
    CallStatusInfo status = ending(callId, roll(request.attemptId().toString()));
    calls.put(callId, status);
    AttemptRow attempt = jdbi.withExtension(AttemptDao.class, dao -> dao.find(orgId, request.attemptId()))
        .orElseThrow();
    client.newWorkflowStub(ContactCallWorkflow.class,
        CallIds.contactWorkflowId(attempt.batchId(), attempt.contactId())).providerEvent(new ProviderEvent(
        "simulated:" + callId + ":1", provider(), request.attemptId(), callId, 1, status.status(), true,
        status.disposition(), status.durationSeconds()));
    return new PlacedCallInfo(callId, "queued");
  }

  @Override
  public Optional<CallStatusInfo> fetch(String providerCallId) {
    return Optional.ofNullable(calls.get(providerCallId));
  }

  @Override
  public Optional<PlacedCallInfo> findPlaced(CallRequest request, java.time.Instant notBefore) {
    String callId = "CA" + request.attemptId().toString().replace("-", "");
    return calls.containsKey(callId) ? Optional.of(new PlacedCallInfo(callId, "queued")) : Optional.empty();
  }

  /** Two in ten answered by a person (a conversation), one by a machine, five not answered, two busy. */
  private static CallStatusInfo ending(String callId, long roll) {
    int r = (int) (roll % 10);
    if (r < 2) {
      return new CallStatusInfo(callId, "completed", true, Disposition.ANSWERED_HUMAN, 95L, "human");
    }
    if (r < 3) {
      return new CallStatusInfo(callId, "completed", true, Disposition.ANSWERED_MACHINE, 20L, "machine_start");
    }
    if (r < 8) {
      return new CallStatusInfo(callId, "no-answer", true, Disposition.NO_ANSWER, 0L, null);
    }
    return new CallStatusInfo(callId, "busy", true, Disposition.BUSY, 0L, null);
  }

  private long roll(String key) {
    UUID hash = UUID.nameUUIDFromBytes((seed + ":" + key).getBytes(StandardCharsets.UTF_8));
    return Math.floorMod(hash.getLeastSignificantBits(), 1_000_003L);
  }
}
