package dev.vocero.api.calls;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vocero.domain.phones.PhoneNumbers;
import dev.vocero.store.calls.ProviderEventDao;
import dev.vocero.api.errors.ApiException;
import dev.vocero.workflows.calls.ProviderEvent;
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
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
  private static final Set<String> PHONE_FIELDS = Set.of("To", "From", "Called", "Caller");

  private final Jdbi jdbi;
  private final TelephonyWebhooks webhooks;
  private final EventDelivery delivery;
  private final StatusIntake intake;
  private final ObjectMapper json;

  public TwilioWebhookResource(Jdbi jdbi, TelephonyWebhooks webhooks, EventDelivery delivery, StatusIntake intake,
      ObjectMapper json) {
    this.jdbi = jdbi;
    this.webhooks = webhooks;
    this.delivery = delivery;
    this.intake = intake;
    this.json = json;
  }

  /**
   * Stored by {@link StatusIntake} (group commit: this request's event is committed together with the others that
   * arrived meanwhile, in one statement), then 204. Only a terminal status is signalled (the contact's workflow waits for
   * nothing else), after the answer, on {@link EventDelivery}'s pool; the others are stored as delivered.
   */
  @POST
  @Path("/status")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response status(@Context UriInfo uri, @HeaderParam("X-Twilio-Signature") String signature,
      MultivaluedMap<String, String> form) {
    Map<String, String> params = TwilioRequests.verified(webhooks, uri, signature, form);
    ProviderEvent event = webhooks.twilioStatus(attemptId(uri), params);
    Optional<ProviderEventDao.Intake> stored = intake.store(
        new StatusIntake.Callback("twilio", event, payload(params), event.terminal(), params.get("AnsweredBy")));
    stored.ifPresent(intake -> {
      if ("orphan".equals(intake.state())) {
        LOG.warn("Twilio callback for an unknown call kept for audit (event {})", intake.id());
      } else if (intake.toSignal()) {
        delivery.deliverLater(intake.id(), intake.batchId(), intake.contactId(), event);
      }
    });
    return Response.noContent().build(); // also for a redelivery of an event we already have
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
    Optional<ProviderEventDao.Intake> stored = jdbi.withExtension(ProviderEventDao.class, dao -> dao.intakeRecording(
        "twilio", event.eventKey(), event.attemptId(), event.providerCallId(), event.status(), event.terminal(),
        event.recordingId(), event.url(), payload(params), event.terminal()));
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

  /**
   * The raw callback, with the phone numbers masked: provider_events is an audit log, not a contact list. Written field
   * by field with a bare generator: serialising a copied map through the ObjectMapper took half the resource's time.
   */
  private String payload(Map<String, String> params) {
    StringWriter out = new StringWriter(64 + 32 * params.size());
    try (JsonGenerator generator = json.getFactory().createGenerator(out)) {
      generator.writeStartObject();
      for (Map.Entry<String, String> param : params.entrySet()) {
        String value = param.getValue();
        generator.writeStringField(param.getKey(), PHONE_FIELDS.contains(param.getKey()) && value != null
            ? PhoneNumbers.mask(value) : value);
      }
      generator.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
