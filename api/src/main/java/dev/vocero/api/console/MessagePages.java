package dev.vocero.api.console;

import dev.vocero.api.errors.ApiException;
import dev.vocero.api.messaging.ConversationResource;
import dev.vocero.api.messaging.MessageViews;
import dev.vocero.domain.phones.PhoneNumbers;
import dev.vocero.store.SharedDaos;
import dev.vocero.store.messaging.MessageDao;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Messages: the inbox of conversations, one conversation's thread, take over, reply, release, through the same
 * {@link ConversationResource} as the REST API. A conversation's address is one of its messages' ids, so no phone
 * number appears in an address or a request log.
 */
@Hidden
@ConsolePage
@Path("/messages")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class MessagePages {
  private static final int INBOX_SIZE = 100;

  private final ConversationResource conversations;
  private final Validator validator;
  private final Jdbi jdbi;
  private final Pages pages;

  public MessagePages(ConversationResource conversations, Validator validator, Jdbi jdbi, Pages pages) {
    this.conversations = conversations;
    this.validator = validator;
    this.jdbi = jdbi;
    this.pages = pages;
  }

  /** One line of the inbox, the number masked. {@code awaiting}: the customer wrote last. */
  public record InboxItem(UUID id, String phone, String channel, String lastText, boolean awaiting, boolean automatic,
      Instant lastAt, long messages, String takeoverReason) {
    static InboxItem of(MessageDao.InboxEntry e) {
      return new InboxItem(e.lastMessageId(), PhoneNumbers.mask(e.phoneE164()), e.channel(), e.body(),
          "inbound".equals(e.direction()), e.automatic(), e.lastAt(), e.messages(), e.takeoverReason());
    }
  }

  @GET
  public String inbox(@Context ContainerRequestContext context) {
    ConsoleRequest p = ConsoleRequest.of(context);
    return pages.render("messages", p, "items", inbox(p));
  }

  /** The inbox's rows, polled by the page. */
  @GET
  @Path("rows")
  public String rows(@Context ContainerRequestContext context) {
    ConsoleRequest p = ConsoleRequest.of(context);
    return pages.render("messages_rows", p, "items", inbox(p));
  }

  /** A conversation's messages, polled by its page. */
  @GET
  @Path("{id}/thread")
  public String thread(@Context ContainerRequestContext context, @PathParam("id") UUID id) {
    ConsoleRequest p = ConsoleRequest.of(context);
    return pages.render("conversation_thread", p, "c", conversations.thread(p.principal(), phone(null, p, id), null));
  }

  private List<InboxItem> inbox(ConsoleRequest p) {
    return SharedDaos.of(jdbi).with(MessageDao.class, dao -> dao.inbox(p.principal().orgId(), INBOX_SIZE)).stream()
        .map(InboxItem::of).toList();
  }

  @GET
  @Path("{id}")
  public String conversation(@Context ContainerRequestContext context, @PathParam("id") UUID id) {
    ConsoleRequest p = ConsoleRequest.of(context);
    return page(p, id, FormErrors.NONE, "");
  }

  @POST
  @Path("{id}/takeover")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response takeOver(@Context ContainerRequestContext context, @PathParam("id") UUID id) {
    ConsoleRequest p = ConsoleRequest.of(context);
    p.requireWrite();
    String phone = phone(context, p, id);
    conversations.takeOver(p.principal(), phone, null);
    return Response.seeOther(URI.create("/messages/" + id)).build();
  }

  @POST
  @Path("{id}/release")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response release(@Context ContainerRequestContext context, @PathParam("id") UUID id) {
    ConsoleRequest p = ConsoleRequest.of(context);
    p.requireWrite();
    String phone = phone(context, p, id);
    conversations.release(p.principal(), phone, null);
    return Response.seeOther(URI.create("/messages/" + id)).build();
  }

  /** The REST API's operator message: taken over first, then sent by a workflow; a refusal is shown by the field. */
  @POST
  @Path("{id}/reply")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response reply(@Context ContainerRequestContext context, @PathParam("id") UUID id,
      @FormParam("body") String body, @FormParam("channel") String channel) {
    ConsoleRequest p = ConsoleRequest.of(context);
    p.requireWrite();
    String phone = phone(context, p, id);
    ConversationResource.OperatorMessage message =
        new ConversationResource.OperatorMessage(body, channel == null || channel.isBlank() ? null : channel);
    try {
      FormErrors.validate(validator, message);
      conversations.send(p.principal(), phone, null, message);
    } catch (ApiException e) {
      return Response.status(e.status()).entity(page(p, id, FormErrors.of("reply", e), body)).build();
    }
    return Response.seeOther(URI.create("/messages/" + id)).build();
  }

  private String page(ConsoleRequest p, UUID id, FormErrors errors, String draft) {
    String phone = phone(null, p, id);
    MessageViews.Conversation thread = conversations.thread(p.principal(), phone, null);
    return pages.render("conversation", p, "id", id, "c", thread, "errors", errors, "draft",
        draft == null ? "" : draft);
  }

  /** The number of the conversation that {@code id} belongs to; another organisation's message is not found. */
  private String phone(ContainerRequestContext context, ConsoleRequest p, UUID id) {
    String phone = SharedDaos.of(jdbi).with(MessageDao.class, dao -> dao.find(p.principal().orgId(), id))
        .orElseThrow(() -> ApiException.notFound("Conversation " + id)).phoneE164();
    if (context != null) {
      ConsoleAudit.object(context, PhoneNumbers.mask(phone));
    }
    return phone;
  }
}
