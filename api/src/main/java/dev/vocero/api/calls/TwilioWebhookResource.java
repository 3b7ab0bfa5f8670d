package dev.vocero.api.calls;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vocero.store.SharedDaos;
import dev.vocero.store.calls.ProviderEventDao;
import dev.vocero.api.errors.ApiException;
import dev.vocero.workflows.calls.RecordingEvent;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Twilio's call status callbacks: verify the signature, store the raw event once, then signal the
 * contact's workflow. A stored event is never lost: if the signal fails the relay delivers it later.
 */
/* Public: providers authenticate by signature, not by token. */
@Path("/webhooks/twilio/voice")
public class TwilioWebhookResource {
  private static final Logger LOG = LoggerFactory.getLogger(TwilioWebhookResource.class);

  private final Jdbi jdbi;
  private final TelephonyWebhooks webhooks;
  private final EventDelivery delivery;
  private final TwilioStatusCallbacks statuses;

  public TwilioWebhookResource(Jdbi jdbi, TelephonyWebhooks webhooks, EventDelivery delivery, StatusIntake intake,
      ObjectMapper json) {
    this.jdbi = jdbi;
    this.webhooks = webhooks;
    this.delivery = delivery;
    this.statuses = new TwilioStatusCallbacks(webhooks, delivery, intake, json);
  }

  /**
   * Documents the status callback and serves the requests {@link TwilioStatusFilter} leaves to Jersey (another content
   * type, an unusual query or form): same checks, same {@link TwilioStatusCallbacks}, same answers. Stored with a group
   * commit, then 204 (also for a redelivery of an event we already have); only a terminal status is signalled, after
   * the answer.
   */
  @POST
  @Path("/status")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response status(@Context UriInfo uri, @HeaderParam("X-Twilio-Signature") String signature,
      MultivaluedMap<String, String> form) {
    statuses.receive(attemptId(uri), TwilioRequests.verified(webhooks, uri, signature, form));
    return Response.noContent().build();
  }

  /**
   * Recording status callbacks (RecordingStatusCallback). Stored once per RecordingSid and status; a final status
   * (completed, absent, failed) is signalled to the contact's workflow, which turns a completed one into an audio.
   */
  @POST
  @Path("/recording")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response recording(@Context UriInfo uri, @HeaderParam("X-Twilio-Signature") String signature,
      MultivaluedMap<String, String> form) {
    Map<String, String> params = TwilioRequests.verified(webhooks, uri, signature, form);
    if (blank(params.get("RecordingSid")) || blank(params.get("RecordingStatus"))) {
      throw ApiException.unprocessable("invalid_callback",
          "A recording status callback needs RecordingSid and RecordingStatus. Nothing was stored.");
    }
    RecordingEvent event = webhooks.twilioRecording(attemptId(uri), params);
    Optional<ProviderEventDao.Intake> stored = SharedDaos.of(jdbi).with(ProviderEventDao.class, dao -> dao.intakeRecording(
        "twilio", event.eventKey(), event.attemptId(), event.providerCallId(), event.status(), event.terminal(),
        event.recordingId(), event.url(), statuses.payload(params), event.terminal()));
    stored.ifPresent(intake -> {
      if ("orphan".equals(intake.state())) {
        LOG.warn("Twilio recording callback for an unknown call kept for audit (event {})", intake.id());
      } else if (intake.toSignal()) {
        delivery.deliverRecordingLater(intake.id(), intake.batchId(), intake.contactId(), event);
      }
    });
    return Response.noContent().build();
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  private static UUID attemptId(UriInfo uri) {
    String value = uri.getQueryParameters().getFirst("attemptId");
    try {
      return value == null ? null : UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
