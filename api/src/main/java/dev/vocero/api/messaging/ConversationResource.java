package dev.vocero.api.messaging;

import dev.vocero.api.auth.Role;
import dev.vocero.api.auth.VoceroPrincipal;
import dev.vocero.domain.phones.PhoneNumbers;
import dev.vocero.api.errors.ApiException;
import dev.vocero.store.SharedDaos;
import dev.vocero.store.messaging.MessageDao;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import dev.vocero.store.calls.DncDao;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;

/** One number's message thread (outbound and inbound, oldest first), the human takeover of it and an operator's messages. */
@Path("/api/v1/conversations/{phone}")
@Produces(MediaType.APPLICATION_JSON)
public class ConversationResource {
  static final int MAX_MESSAGES = 500;
  private final Jdbi jdbi;
  private final ConversationReplies replies;

  public ConversationResource(Jdbi jdbi, ConversationReplies replies) {
    this.jdbi = jdbi;
    this.replies = replies;
  }

  /** {@code channel}: sms or whatsapp, default the channel the customer last wrote on (else sms). */
  public record OperatorMessage(@NotBlank @Size(max = 1600) String body, @Pattern(regexp = "sms|whatsapp") String channel) {}

  @GET
  @RolesAllowed(Role.VIEWER_OR_ABOVE)
  public MessageViews.Conversation thread(@Auth VoceroPrincipal caller, @PathParam("phone") String phone,
      @QueryParam("region") String region) {
    String e164 = e164(phone, region);
    return SharedDaos.of(jdbi).with(MessageDao.class, dao -> {
      Optional<MessageDao.Takeover> takeover = dao.takeover(caller.orgId(), e164);
      return new MessageViews.Conversation(PhoneNumbers.mask(e164), takeover.isPresent(),
          takeover.map(MessageDao.Takeover::reason).orElse(null), takeover.map(MessageDao.Takeover::takenAt).orElse(null),
          dao.thread(caller.orgId(), e164, MAX_MESSAGES).stream().map(MessageViews.Message::of).toList());
    });
  }

  /** From now on waves and the assistant skip this number: a person answers it. Idempotent. */
  @POST
  @Path("/takeover")
  @RolesAllowed(Role.OPERATOR_OR_ABOVE)
  public MessageViews.Conversation takeOver(@Auth VoceroPrincipal caller, @PathParam("phone") String phone,
      @QueryParam("region") String region) {
    String e164 = e164(phone, region);
    SharedDaos.of(jdbi).use(MessageDao.class, dao -> dao.takeOver(caller.orgId(), e164, caller.userId(), MessageDao.BY_OPERATOR));
    return thread(caller, phone, region);
  }

  /** Hands the conversation back: waves and automatic replies reach this number again. Idempotent. */
  @DELETE
  @Path("/takeover")
  @RolesAllowed(Role.OPERATOR_OR_ABOVE)
  public MessageViews.Conversation release(@Auth VoceroPrincipal caller, @PathParam("phone") String phone,
      @QueryParam("region") String region) {
    String e164 = e164(phone, region);
    SharedDaos.of(jdbi).use(MessageDao.class, dao -> dao.release(caller.orgId(), e164));
    return thread(caller, phone, region);
  }

  /**
   * A person writes in the conversation: it is taken over first (the assistant and waves stop writing), then the
   * message is recorded and sent by a workflow. A WhatsApp text is only delivered within 24 hours of the customer's
   * last message (Twilio refuses it later: the message ends failed with code 63016).
   */
  @POST
  @Path("/messages")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.OPERATOR_OR_ABOVE)
  @ApiResponse(responseCode = "202", description = "Accepted",
      content = @Content(schema = @Schema(implementation = MessageViews.Message.class)))
  public Response send(@Auth VoceroPrincipal caller, @PathParam("phone") String phone,
      @QueryParam("region") String region, @NotNull @Valid OperatorMessage message) {
    String e164 = e164(phone, region);
    UUID id = UUID.randomUUID();
    jdbi.useTransaction(handle -> {
      if (SharedDaos.attach(handle, DncDao.class).contains(caller.orgId(), e164)) {
        throw ApiException.conflict("opted_out", "This number is on the do-not-contact list (it opted out or was"
            + " added by hand); no message is sent. Remove it from /api/v1/dnc only if the customer asked to be"
            + " contacted again.");
      }
      MessageDao dao = SharedDaos.attach(handle, MessageDao.class);
      String channel = message.channel() != null ? message.channel()
          : dao.lastInboundChannel(caller.orgId(), e164).orElse("sms");
      dao.takeOver(caller.orgId(), e164, caller.userId(), MessageDao.BY_OPERATOR);
      dao.insertByOperator(id, caller.orgId(), dao.lastContact(caller.orgId(), e164).orElse(null), e164, channel,
          message.body(), caller.userId());
    });
    try {
      replies.startOperator(caller.orgId(), id);
    } catch (RuntimeException e) {
      SharedDaos.of(jdbi).use(MessageDao.class, dao -> dao.deleteUnsent(caller.orgId(), id));
      throw e;
    }
    MessageViews.Message view = SharedDaos.of(jdbi).with(MessageDao.class, dao -> dao.find(caller.orgId(), id))
        .map(MessageViews.Message::of).orElseThrow();
    return Response.status(Response.Status.ACCEPTED).entity(view).build();
  }

  static String e164(String phone, String region) {
    return PhoneNumbers.e164(phone, region == null ? null : region.toUpperCase(Locale.ROOT)).orElseThrow(() ->
        ApiException.unprocessable("invalid_phone", "'" + PhoneNumbers.mask(phone) + "' is not a valid phone number"
            + " (give it in international form, e.g. +573001234567, or pass region)."));
  }
}
