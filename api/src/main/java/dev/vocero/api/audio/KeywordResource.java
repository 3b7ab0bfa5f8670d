package dev.vocero.api.audio;

import dev.vocero.api.auth.Role;
import dev.vocero.api.auth.VoceroPrincipal;
import dev.vocero.api.errors.ApiException;
import dev.vocero.store.SharedDaos;
import dev.vocero.store.audio.KeywordDao;
import dev.vocero.store.audio.KeywordRow;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;

/** The organization's opportunity dictionary: which words in a call are worth a follow-up. */
@Path("/api/v1/opportunity-keywords")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class KeywordResource {
  private final Jdbi jdbi;

  public KeywordResource(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public record KeywordBody(
      @NotBlank @Size(max = 100) String keyword,
      @NotBlank @Size(max = 100) String topic,
      @NotNull @Pattern(regexp = "low|medium|high", message = "must be low, medium or high") String priority,
      @Size(max = 50) List<@NotBlank @Size(max = 100) String> variants,
      @Pattern(regexp = "[a-z]{2,3}", message = "must be an ISO-639-1 code such as es") String language) {
    List<String> variantList() {
      return variants == null ? List.of() : variants.stream().map(String::trim).distinct().toList();
    }
  }

  @GET
  @RolesAllowed(Role.VIEWER_OR_ABOVE)
  public List<KeywordRow> list(@Auth VoceroPrincipal caller) {
    return SharedDaos.of(jdbi).with(KeywordDao.class, dao -> dao.list(caller.orgId()));
  }

  @POST
  @RolesAllowed(Role.OPERATOR_OR_ABOVE)
  @ApiResponse(responseCode = "201", description = "Created",
      content = @Content(schema = @Schema(implementation = KeywordRow.class)))
  public Response create(@Auth VoceroPrincipal caller, @NotNull @Valid KeywordBody body) {
    KeywordRow row = jdbi.inTransaction(handle -> {
      KeywordDao dao = SharedDaos.attach(handle, KeywordDao.class);
      rejectDuplicate(dao, caller, body, -1);
      long id = dao.insert(caller.orgId(), body.keyword().trim(), body.topic().trim(), body.priority(), body.variantList(),
          body.language());
      return dao.find(caller.orgId(), id).orElseThrow();
    });
    return Response.created(URI.create("/api/v1/opportunity-keywords/" + row.id())).entity(row).build();
  }

  @PUT
  @Path("/{id}")
  @RolesAllowed(Role.OPERATOR_OR_ABOVE)
  public KeywordRow update(@Auth VoceroPrincipal caller, @PathParam("id") long id, @NotNull @Valid KeywordBody body) {
    return jdbi.inTransaction(handle -> {
      KeywordDao dao = SharedDaos.attach(handle, KeywordDao.class);
      rejectDuplicate(dao, caller, body, id);
      if (dao.update(caller.orgId(), id, body.keyword().trim(), body.topic().trim(), body.priority(), body.variantList(),
          body.language()) == 0) {
        throw ApiException.notFound("Keyword " + id);
      }
      return dao.find(caller.orgId(), id).orElseThrow();
    });
  }

  @DELETE
  @Path("/{id}")
  @RolesAllowed(Role.OPERATOR_OR_ABOVE)
  public Response delete(@Auth VoceroPrincipal caller, @PathParam("id") long id) {
    if (SharedDaos.of(jdbi).with(KeywordDao.class, dao -> dao.delete(caller.orgId(), id)) == 0) {
      throw ApiException.notFound("Keyword " + id);
    }
    return Response.noContent().build();
  }

  private static void rejectDuplicate(KeywordDao dao, VoceroPrincipal caller, KeywordBody body, long exceptId) {
    if (dao.exists(caller.orgId(), body.keyword().trim(), exceptId)) {
      throw ApiException.conflict("keyword_exists", "The dictionary already has the keyword '" + body.keyword().trim() + "'.");
    }
  }
}
