package dev.vocero.api.chat;

import dev.vocero.api.auth.Role;
import dev.vocero.api.auth.VoceroPrincipal;
import dev.vocero.api.paging.Page;
import dev.vocero.api.paging.PageParams;
import dev.vocero.workflows.chat.ChatLimits;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;

/** Chat over the organization's transcripts: conversations, questions answered with cited passages, history. */
@Path("/api/v1/chat/conversations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ChatResource {
  private final ChatService chats;

  public ChatResource(ChatService chats) {
    this.chats = chats;
  }

  public record ConversationBody(@Size(max = 200) String title, @Size(max = 100) List<@NotNull UUID> audioIds) {}

  public record QuestionBody(@NotBlank @Size(max = ChatLimits.MAX_QUESTION_CHARS) String question) {}

  @POST
  @RolesAllowed(Role.VIEWER_OR_ABOVE)
  @ApiResponse(responseCode = "201", description = "Created",
      content = @Content(schema = @Schema(implementation = ChatViews.Conversation.class)))
  public Response create(@Auth VoceroPrincipal caller, @Valid ConversationBody body) {
    UUID id = UUID.randomUUID();
    ChatViews.Conversation created = chats.create(caller, id, body == null ? null : body.title(),
        body == null ? null : body.audioIds());
    return Response.created(URI.create("/api/v1/chat/conversations/" + id)).entity(created).build();
  }

  @GET
  @RolesAllowed(Role.VIEWER_OR_ABOVE)
  public Page<ChatViews.Conversation> list(@Auth VoceroPrincipal caller, @Valid @BeanParam PageParams paging) {
    return chats.list(caller, paging.withDefaultSize(20));
  }

  @POST
  @Path("/{id}/messages")
  @RolesAllowed(Role.VIEWER_OR_ABOVE)
  public ChatViews.Answer ask(@Auth VoceroPrincipal caller, @PathParam("id") UUID id, @NotNull @Valid QuestionBody body) {
    return chats.ask(caller, id, body.question());
  }

  @GET
  @Path("/{id}/messages")
  @RolesAllowed(Role.VIEWER_OR_ABOVE)
  public List<ChatViews.Message> history(@Auth VoceroPrincipal caller, @PathParam("id") UUID id) {
    return chats.history(caller, id);
  }
}
