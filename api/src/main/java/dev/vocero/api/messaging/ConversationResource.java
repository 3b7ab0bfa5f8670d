package dev.vocero.api.messaging;

import dev.vocero.api.auth.Role;
import dev.vocero.api.auth.VoceroPrincipal;
import dev.vocero.api.calls.PhoneNumbers;
import dev.vocero.api.errors.ApiException;
import dev.vocero.store.messaging.MessageDao;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** One number's message thread (outbound and inbound, oldest first) and the human takeover of it. */
@Path("/api/v1/conversations/{phone}")
@Produces(MediaType.APPLICATION_JSON)
public class ConversationResource {
  static final int MAX_MESSAGES = 500;
  private final Jdbi jdbi;

  public ConversationResource(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @GET
  @RolesAllowed(Role.VIEWER_OR_ABOVE)
  public MessageViews.Conversation thread(@Auth VoceroPrincipal caller, @PathParam("phone") String phone,
      @QueryParam("region") String region) {
    String e164 = e164(phone, region);
    return jdbi.withExtension(MessageDao.class, dao -> {
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
    jdbi.useExtension(MessageDao.class, dao -> dao.takeOver(caller.orgId(), e164, caller.userId(), MessageDao.BY_OPERATOR));
    return thread(caller, phone, region);
  }

  /** Hands the conversation back: waves and automatic replies reach this number again. Idempotent. */
  @DELETE
  @Path("/takeover")
  @RolesAllowed(Role.OPERATOR_OR_ABOVE)
  public MessageViews.Conversation release(@Auth VoceroPrincipal caller, @PathParam("phone") String phone,
      @QueryParam("region") String region) {
    String e164 = e164(phone, region);
    jdbi.useExtension(MessageDao.class, dao -> dao.release(caller.orgId(), e164));
    return thread(caller, phone, region);
  }

  static String e164(String phone, String region) {
    return PhoneNumbers.e164(phone, region == null ? null : region.toUpperCase(Locale.ROOT)).orElseThrow(() ->
        ApiException.unprocessable("invalid_phone", "'" + PhoneNumbers.mask(phone) + "' is not a valid phone number"
            + " (give it in international form, e.g. +573001234567, or pass region)."));
  }
}
