package dev.vocero.api.console;

import dev.vocero.api.chat.ChatService;
import dev.vocero.api.errors.ApiException;
import dev.vocero.api.paging.PageRequest;
import dev.vocero.workflows.chat.ChatLimits;
import io.swagger.v3.oas.annotations.Hidden;
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
import java.util.List;
import java.util.UUID;

/**
 * Chat over the organization's transcripts: the conversations, one conversation, a question answered in place. The
 * same {@link ChatService} and rules as {@code /api/v1/chat}: every role may ask, as in the API.
 */
@Hidden
@ConsolePage
@Path("/chat")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class ChatPages {
  private final ChatService chats;
  private final Pages pages;

  public ChatPages(ChatService chats, Pages pages) {
    this.chats = chats;
    this.pages = pages;
  }

  @GET
  public String list(@Context ContainerRequestContext context) {
    ConsoleRequest p = ConsoleRequest.of(context);
    return pages.render("chats", p, "page", chats.list(p.principal(), new PageRequest(1, 50)));
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response create(@Context ContainerRequestContext context, @FormParam("title") String title) {
    ConsoleRequest p = ConsoleRequest.of(context);
    if (title != null && title.trim().length() > 200) {
      throw ApiException.unprocessable("invalid_title", p.t("chat.title_too_long"));
    }
    UUID id = UUID.randomUUID();
    chats.create(p.principal(), id, title, List.of());
    return Response.seeOther(URI.create("/chat/" + id)).build();
  }

  @GET
  @Path("{id}")
  public String conversation(@Context ContainerRequestContext context, @PathParam("id") UUID id) {
    ConsoleRequest p = ConsoleRequest.of(context);
    return pages.render("chat", p, "c", chats.get(p.principal(), id),
        "lines", chats.history(p.principal(), id).stream().map(ChatLine::of).toList());
  }

  /** htmx: the question and its answer, appended to the conversation; a plain form goes back to the page. */
  @POST
  @Path("{id}/ask")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response ask(@Context ContainerRequestContext context, @PathParam("id") UUID id,
      @FormParam("question") String question) {
    ConsoleRequest p = ConsoleRequest.of(context);
    String q = question == null ? "" : question.strip();
    if (q.isEmpty() || q.length() > ChatLimits.MAX_QUESTION_CHARS) {
      chats.get(p.principal(), id); // another organization's conversation stays "not found"
      throw ApiException.unprocessable("invalid_question", p.t("chat.question_invalid", ChatLimits.MAX_QUESTION_CHARS));
    }
    List<ChatLine> lines = ChatLine.of(q, chats.ask(p.principal(), id, q));
    if (context.getHeaderString("HX-Request") == null) {
      return Response.seeOther(URI.create("/chat/" + id)).build();
    }
    return Response.ok(pages.render("chat_lines", p, "lines", lines), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
        .build();
  }
}
