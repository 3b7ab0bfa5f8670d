package dev.vocero.api.auth;

import dev.vocero.api.errors.ApiException;
import dev.vocero.api.paging.Page;
import dev.vocero.api.paging.PageParams;
import dev.vocero.api.paging.PageRequest;
import dev.vocero.store.SharedDaos;
import dev.vocero.store.accounts.ApiKeyDao;
import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** Admins issue, list and revoke their organization's API keys. A key cannot issue keys: only a person can. */
@Path("/api/v1/api-keys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_ONLY)
public class ApiKeyResource {
  private final ApiKeys keys;
  private final Jdbi jdbi;
  private final Clock clock;

  public ApiKeyResource(ApiKeys keys, Jdbi jdbi, Clock clock) {
    this.keys = keys;
    this.jdbi = jdbi;
    this.clock = clock;
  }

  @POST
  @ApiResponse(responseCode = "201", description = "Created; `key` is shown this once",
      content = @Content(schema = @Schema(implementation = ApiKeyViews.Created.class)))
  public Response create(@Auth VoceroPrincipal admin, @NotNull @Valid ApiKeyRequest request) {
    if (admin.isApiKey()) {
      throw new ApiException(403, "forbidden", "An API key cannot issue API keys: sign in as an admin.");
    }
    if (request.expiresAt() != null && !request.expiresAt().isAfter(clock.instant())) {
      throw ApiException.invalidField("invalid_request", "expiresAt", "date_order", "must be in the future");
    }
    ApiKeyViews.Created created = ApiKeyViews.Created.of(
        keys.issue(admin, request.name().strip(), Role.parse(request.role()), request.expiresAt()));
    return Response.created(URI.create("/api/v1/api-keys/" + created.id())).entity(created).build();
  }

  @GET
  public Page<ApiKeyViews.Key> list(@Auth VoceroPrincipal admin, @Valid @BeanParam PageParams paging) {
    PageRequest page = paging.withDefaultSize(50);
    return SharedDaos.of(jdbi).with(ApiKeyDao.class, dao -> page.of(
        dao.page(admin.orgId(), page.pageSize(), page.offset()).stream().map(ApiKeyViews.Key::of).toList(),
        dao.count(admin.orgId())));
  }

  @DELETE
  @Path("/{id}")
  public Response revoke(@Auth VoceroPrincipal admin, @PathParam("id") UUID id) {
    if (!keys.revoke(admin.orgId(), id)) {
      throw ApiException.notFound("API key " + id);
    }
    return Response.noContent().build();
  }
}
