package dev.vocero.api.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.twilio.twiml.MessagingResponse;
import com.twilio.twiml.messaging.Body;
import com.twilio.twiml.messaging.Message;
import dev.vocero.domain.phones.PhoneNumbers;
import dev.vocero.api.calls.TelephonyWebhooks;
import dev.vocero.api.calls.TwilioRequests;
import dev.vocero.api.errors.ApiException;
import dev.vocero.credits.MessageCredits;
import dev.vocero.store.SharedDaos;
import dev.vocero.store.messaging.MessageDao;
import dev.vocero.store.messaging.MessageRow;
import dev.vocero.store.messaging.MessageStates;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Twilio Messaging callbacks, both signed: message status (stored once per MessageSid and status; a state never moves
 * back; a final status charges or releases the message's credits in the same transaction) and incoming messages
 * ({@link InboundMessages}).
 */
/* Public: providers authenticate by signature, not by token. */
@Path("/webhooks/twilio/messaging")
public class MessagingWebhookResource {
  static final String OPT_OUT_REPLY = "Listo: no le enviaremos más mensajes. / You will receive no more messages.";
  private static final Logger LOG = LoggerFactory.getLogger(MessagingWebhookResource.class);
  private static final java.util.regex.Pattern E164 = java.util.regex.Pattern.compile("\\+[1-9]\\d{6,14}");

  private final Jdbi jdbi;
  private final TelephonyWebhooks webhooks;
  private final ObjectMapper json;
  private final MessageCredits credits;
  private final InboundMessages inbound;

  public MessagingWebhookResource(Jdbi jdbi, TelephonyWebhooks webhooks, ObjectMapper json, MessageCredits credits,
      ConversationReplies replies) {
    this.jdbi = jdbi;
    this.webhooks = webhooks;
    this.json = json;
    this.credits = credits;
    this.inbound = new InboundMessages(jdbi, replies);
  }

  @POST
  @Path("/status")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response status(@Context UriInfo uri, @HeaderParam("X-Twilio-Signature") String signature,
      MultivaluedMap<String, String> form) {
    Map<String, String> params = TwilioRequests.verified(webhooks, uri, signature, form);
    String sid = params.get("MessageSid");
    String status = params.getOrDefault("MessageStatus", params.get("SmsStatus"));
    if (blank(sid) || blank(status)) {
      throw ApiException.unprocessable("invalid_callback",
          "A message status callback needs MessageSid and MessageStatus. Nothing was stored.");
    }
    String errorCode = blank(params.get("ErrorCode")) ? null : params.get("ErrorCode");
    String state = MessageStates.fromTwilio(status);
    jdbi.useTransaction(handle -> {
      MessageDao dao = SharedDaos.attach(handle, MessageDao.class);
      Optional<MessageRow> message = messageId(uri).flatMap(dao::findById).or(() -> dao.findBySid(sid));
      int stored = dao.insertEvent("twilio", sid + ":" + status, message.map(MessageRow::id).orElse(null), status,
          errorCode, payload(params));
      if (stored == 0) {
        return; // a redelivery: already applied
      }
      if (message.isEmpty()) {
        LOG.warn("Message status for an unknown message kept for audit (status {})", status);
      } else if (state != null) {
        dao.advance(message.get().id(), state, "failed".equals(state) ? errorCode : null);
        credits.onProviderStatus(handle, message.get(), status);
      }
    });
    return Response.noContent().build();
  }

  @POST
  @Path("/inbound")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.APPLICATION_XML)
  public String inbound(@Context UriInfo uri, @HeaderParam("X-Twilio-Signature") String signature,
      MultivaluedMap<String, String> form) {
    Map<String, String> params = TwilioRequests.verified(webhooks, uri, signature, form);
    String from = params.getOrDefault("From", "");
    String channel = from.startsWith("whatsapp:") ? "whatsapp" : "sms";
    String phone = from.startsWith("whatsapp:") ? from.substring("whatsapp:".length()) : from;
    String sid = params.get("MessageSid");
    if (blank(sid) || !E164.matcher(phone).matches()) {
      throw ApiException.unprocessable("invalid_callback",
          "An incoming message needs MessageSid and an E.164 From number. Nothing was stored.");
    }
    String toField = params.getOrDefault("To", "");
    String to = toField.startsWith("whatsapp:") ? toField.substring("whatsapp:".length()) : toField;
    String body = params.getOrDefault("Body", "");
    boolean optOut = OptOutKeywords.optOut(body);
    int received = inbound.receive(new InboundMessages.Inbound(sid, channel, phone, to, body), optOut);
    MessagingResponse.Builder twiml = new MessagingResponse.Builder();
    if (optOut && received > 0) {
      twiml.message(new Message.Builder().body(new Body.Builder(OPT_OUT_REPLY).build()).build());
    }
    return twiml.build().toXml();
  }

  private static Optional<UUID> messageId(UriInfo uri) {
    String value = uri.getQueryParameters().getFirst("messageId");
    try {
      return value == null ? Optional.empty() : Optional.of(UUID.fromString(value));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  /** The raw callback with the numbers masked: message_events is an audit log, not a contact list. */
  private String payload(Map<String, String> params) {
    Map<String, String> masked = new LinkedHashMap<>(params);
    for (String key : new String[] {"To", "From"}) {
      masked.computeIfPresent(key, (k, v) -> v.startsWith("whatsapp:")
          ? "whatsapp:" + PhoneNumbers.mask(v.substring(9)) : PhoneNumbers.mask(v));
    }
    masked.remove("Body");
    try {
      return json.writeValueAsString(masked);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
