package dev.vocero.api.auth;

import dev.vocero.api.errors.ApiException;
import dev.vocero.store.SharedDaos;
import dev.vocero.store.accounts.UserDao;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;

/** Admins invite users into their own organization and change their role or access. */
@Path("/api/v1/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_ONLY)
public class UsersResource {
  private final AccountService accounts;
  private final Jdbi jdbi;

  public UsersResource(AccountService accounts, Jdbi jdbi) {
    this.accounts = accounts;
    this.jdbi = jdbi;
  }

  @GET
  public List<AuthViews.User> list(@Auth VoceroPrincipal admin) {
    return SharedDaos.of(jdbi).with(UserDao.class, dao -> dao.list(admin.orgId())).stream().map(AuthViews.User::of).toList();
  }

  @POST
  @ApiResponse(responseCode = "201", description = "Created",
      content = @Content(schema = @Schema(implementation = AuthViews.User.class)))
  public Response create(@Auth VoceroPrincipal admin, @NotNull @Valid AuthRequests.CreateUser request) {
    AuthViews.User user = AuthViews.User.of(accounts.createUser(admin, request));
    return Response.created(URI.create("/api/v1/users/" + user.id())).entity(user).build();
  }

  @GET
  @Path("/{id}")
  public AuthViews.User get(@Auth VoceroPrincipal admin, @PathParam("id") UUID id) {
    return SharedDaos.of(jdbi).with(UserDao.class, dao -> dao.find(admin.orgId(), id)).map(AuthViews.User::of)
        .orElseThrow(() -> ApiException.notFound("User " + id));
  }

  @PATCH
  @Path("/{id}")
  public AuthViews.User update(@Auth VoceroPrincipal admin, @PathParam("id") UUID id,
      @NotNull @Valid AuthRequests.UpdateUser request) {
    return AuthViews.User.of(accounts.updateUser(admin, id, request));
  }
}
