package dev.vocero.api.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vocero.api.auth.Role;
import dev.vocero.api.auth.VoceroPrincipal;
import dev.vocero.api.errors.ApiException;
import dev.vocero.api.paging.Page;
import dev.vocero.api.paging.PageParams;
import dev.vocero.api.paging.PageRequest;
import dev.vocero.store.chat.ChatMessageDao;
import dev.vocero.store.chat.ChatMessageRow;
import dev.vocero.store.chat.ConversationDao;
import dev.vocero.store.chat.ConversationRow;
import dev.vocero.workflows.chat.ChatLimits;
import dev.vocero.workflows.chat.ChatMemory;
import dev.vocero.workflows.chat.ChatTurn;
import dev.vocero.workflows.chat.ConversationInput;
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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;

/** Chat over the organization's transcripts: conversations, questions answered with cited passages, history. */
@Path("/api/v1/chat/conversations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ChatResource {
  private final Jdbi jdbi;
  private final ChatWorkflows workflows;
  private final ObjectMapper json;

  public ChatResource(Jdbi jdbi, ChatWorkflows workflows, ObjectMapper json) {
    this.jdbi = jdbi;
    this.workflows = workflows;
    this.json = json;
  }

  public record ConversationBody(@Size(max = 200) String title, @Size(max = 100) List<@NotNull UUID> audioIds) {}

  public record QuestionBody(@NotBlank @Size(max = ChatLimits.MAX_QUESTION_CHARS) String question) {}

  @POST
  @RolesAllowed(Role.VIEWER_OR_ABOVE)
  @ApiResponse(responseCode = "201", description = "Created",
      content = @Content(schema = @Schema(implementation = ChatViews.Conversation.class)))
  public Response create(@Auth VoceroPrincipal caller, @Valid ConversationBody body) {
    List<UUID> audioIds = body == null || body.audioIds() == null ? List.of() : body.audioIds().stream().distinct().toList();
    String title = body == null || body.title() == null || body.title().isBlank() ? null : body.title().trim();
    UUID id = UUID.randomUUID();
    ConversationRow row = jdbi.inTransaction(handle -> {
      ConversationDao dao = handle.attach(ConversationDao.class);
      if (!audioIds.isEmpty() && dao.countAudios(caller.orgId(), audioIds) != audioIds.size()) {
        throw ApiException.unprocessable("unknown_audio",
            "audioIds must name audios of your organization; at least one of them does not exist.");
      }
      dao.insert(id, caller.orgId(), title, audioIds, caller.userId());
      return dao.find(caller.orgId(), id).orElseThrow();
    });
    return Response.created(URI.create("/api/v1/chat/conversations/" + id)).entity(ChatViews.Conversation.of(row)).build();
  }

  @GET
  @RolesAllowed(Role.VIEWER_OR_ABOVE)
  public Page<ChatViews.Conversation> list(@Auth VoceroPrincipal caller, @Valid @BeanParam PageParams paging) {
    PageRequest page = paging.withDefaultSize(20);
    return jdbi.withExtension(ConversationDao.class, dao -> page.of(
        dao.list(caller.orgId(), page.pageSize(), page.offset()).stream().map(ChatViews.Conversation::of).toList(),
        dao.count(caller.orgId())));
  }

  @POST
  @Path("/{id}/messages")
  @RolesAllowed(Role.VIEWER_OR_ABOVE)
  public ChatViews.Answer ask(@Auth VoceroPrincipal caller, @PathParam("id") UUID id, @NotNull @Valid QuestionBody body) {
    ConversationRow conversation = find(caller, id);
    ConversationInput input = new ConversationInput(caller.orgId(), id, conversation.audioIds(), memory(caller, id), 0);
    return ChatViews.Answer.of(id, workflows.ask(input, body.question().strip()));
  }

  @GET
  @Path("/{id}/messages")
  @RolesAllowed(Role.VIEWER_OR_ABOVE)
  public List<ChatViews.Message> history(@Auth VoceroPrincipal caller, @PathParam("id") UUID id) {
    find(caller, id);
    return jdbi.withExtension(ChatMessageDao.class, dao -> dao.list(caller.orgId(), id)).stream()
        .map(m -> ChatViews.Message.of(m, citations(m))).toList();
  }

  /** What a conversation that is not running starts with: the last turns as stored. */
  private ChatMemory memory(VoceroPrincipal caller, UUID id) {
    return jdbi.withExtension(ChatMessageDao.class, dao -> {
      int turns = dao.lastTurn(caller.orgId(), id);
      List<ChatTurn> recent = new ArrayList<>();
      String question = null;
      for (ChatMessageRow m : dao.lastTurns(caller.orgId(), id, ChatLimits.RECENT_TURNS)) {
        if (m.role().equals("user")) {
          question = m.content();
        } else if (question != null) {
          recent.add(new ChatTurn(question, m.content()));
        }
      }
      return new ChatMemory(turns, "", recent);
    });
  }

  private ConversationRow find(VoceroPrincipal caller, UUID id) {
    return jdbi.withExtension(ConversationDao.class, dao -> dao.find(caller.orgId(), id))
        .orElseThrow(() -> ApiException.notFound("Conversation " + id));
  }

  private JsonNode citations(ChatMessageRow m) {
    try {
      return json.readTree(m.citations());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored citations of conversation " + m.conversationId() + " are not JSON", e);
    }
  }
}
