package dev.vocero.api.calls;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vocero.api.errors.ApiException;
import dev.vocero.store.SharedDaos;
import dev.vocero.store.calls.AttemptDao;
import dev.vocero.store.calls.AttemptRow;
import dev.vocero.store.calls.ProviderEventDao;
import dev.vocero.workflows.calls.ProviderEvent;
import dev.vocero.workflows.calls.RecordingEvent;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retell's call webhooks (configured on the Retell agent): call_started, call_ended, call_analyzed. Same
 * rules as Twilio's: verify, store once, signal; {@code call_analysis} is kept on the attempt.
 */
@Path("/webhooks/retell")
public class RetellWebhookResource {
  private static final Logger LOG = LoggerFactory.getLogger(RetellWebhookResource.class);

  private final Jdbi jdbi;
  private final TelephonyWebhooks webhooks;
  private final EventDelivery delivery;
  private final ObjectMapper json;

  public RetellWebhookResource(Jdbi jdbi, TelephonyWebhooks webhooks, EventDelivery delivery, ObjectMapper json) {
    this.jdbi = jdbi;
    this.webhooks = webhooks;
    this.delivery = delivery;
    this.json = json;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response receive(@HeaderParam("x-retell-signature") String signature, String body) throws IOException {
    if (body == null || !webhooks.validRetell(body, signature)) {
      LOG.warn("Rejected a Retell webhook with a {} signature", signature == null ? "missing" : "wrong");
      throw new ApiException(403, "invalid_signature", "The x-retell-signature header does not match this body. Nothing was stored.");
    }
    JsonNode root = json.readTree(body);
    String event = root.path("event").asText("unknown");
    JsonNode call = root.path("call");
    UUID attemptId = attemptId(call);
    Optional<AttemptRow> attempt = attemptId == null ? Optional.empty()
        : SharedDaos.of(jdbi).with(AttemptDao.class, dao -> dao.findForWebhook(attemptId));
    ProviderEvent parsed = webhooks.retellEvent(attempt.map(AttemptRow::id).orElse(null), event, call);
    Optional<Long> stored = SharedDaos.of(jdbi).with(ProviderEventDao.class, dao -> dao.insert("retell", parsed.eventKey(),
        attempt.map(AttemptRow::orgId).orElse(null), parsed.attemptId(), parsed.providerCallId(), parsed.sequence(),
        parsed.status(), parsed.terminal(), parsed.disposition() == null ? null : parsed.disposition().wire(),
        json.writeValueAsString(redacted(root)), attempt.isPresent() ? "pending" : "orphan"));
    if (attempt.isPresent()) {
      webhooks.retellRecording(attempt.get().id(), call).ifPresent(recording -> storeRecording(attempt.get(), recording));
    }
    if (stored.isEmpty() || attempt.isEmpty()) {
      return Response.noContent().build();
    }
    if (call.has("call_analysis")) {
      jdbi.useHandle(h -> h.createUpdate("update call_attempts set analysis = cast(:a as jsonb) where id = :id")
          .bind("a", call.get("call_analysis").toString()).bind("id", attempt.get().id()).execute());
    }
    delivery.deliverLater(stored.get(), attempt.get().batchId(), attempt.get().contactId(), parsed);
    return Response.noContent().build();
  }

  /** call_ended and call_analyzed both name the recording: it is stored and signalled once. */
  private void storeRecording(AttemptRow attempt, RecordingEvent recording) {
    SharedDaos.of(jdbi).with(ProviderEventDao.class, dao -> dao.intakeRecording("retell", recording.eventKey(), attempt.id(),
            recording.providerCallId(), recording.status(), true, recording.recordingId(), recording.url(), "{}", true))
        .filter(ProviderEventDao.Intake::toSignal)
        .ifPresent(intake -> delivery.deliverRecordingLater(intake.id(), attempt.batchId(), attempt.contactId(), recording));
  }

  private static UUID attemptId(JsonNode call) {
    try {
      String value = call.path("metadata").path("attempt_id").asText(null);
      return value == null ? null : UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** The audit copy keeps ids, statuses and analysis; not the transcript nor the phone numbers. */
  private static JsonNode redacted(JsonNode root) {
    JsonNode copy = root.deepCopy();
    JsonNode call = copy.path("call");
    if (call instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
      object.remove(java.util.List.of("transcript", "transcript_object", "transcript_with_tool_calls", "from_number",
          "to_number", "retell_llm_dynamic_variables"));
    }
    return copy;
  }
}
