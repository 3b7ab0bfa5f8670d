package dev.vocero.api.auth;

import dev.vocero.api.audit.AuditTrail;
import dev.vocero.api.errors.ApiException;
import dev.vocero.api.http.ClientAddress;
import dev.vocero.store.SharedDaos;
import dev.vocero.store.accounts.OrganizationDao;
import dev.vocero.store.accounts.OrganizationRow;
import dev.vocero.store.accounts.UserDao;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jdbi.v3.core.Jdbi;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;

@Path("/api/v1/auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AuthResource {
  private final AccountService accounts;
  private final LoginRateLimiter limiter;
  private final ClientAddress clientAddress;
  private final boolean openSignup;
  private final Jdbi jdbi;
  private final AuditTrail audit;

  public AuthResource(AccountService accounts, LoginRateLimiter limiter, ClientAddress clientAddress, boolean openSignup,
      Jdbi jdbi, AuditTrail audit) {
    this.audit = audit;
    this.accounts = accounts;
    this.limiter = limiter;
    this.clientAddress = clientAddress;
    this.openSignup = openSignup;
    this.jdbi = jdbi;
  }

  @POST
  @Path("/register")
  @ApiResponse(responseCode = "201", description = "Created",
      content = @Content(schema = @Schema(implementation = AuthViews.User.class)))
  public Response register(@NotNull @Valid AuthRequests.Register request, @Context HttpServletRequest http) {
    if (!openSignup) {
      throw new ApiException(403, "signup_closed", "Sign-up is closed on this server: a platform operator creates "
          + "organizations (vocero create-organization), or turns auth.openSignup on.");
    }
    limiter.check(request.email(), clientAddress.of(http));
    AuthViews.User user = AuthViews.User.of(accounts.register(request));
    return Response.status(201).entity(user).build();
  }

  @POST
  @Path("/login")
  public AuthViews.Tokens login(@NotNull @Valid AuthRequests.Login request, @Context HttpServletRequest http) {
    String address = clientAddress.of(http);
    limiter.check(request.email(), address);
    try {
      AuthViews.Tokens tokens = accounts.login(request.email(), request.password());
      limiter.succeeded(request.email(), address);
      audit.login(request.email(), true, 200, address);
      return tokens;
    } catch (ApiException e) {
      if (e.status() == 401) {
        limiter.failed(request.email(), address);
        audit.login(request.email(), false, e.status(), address);
      }
      throw e;
    }
  }

  @POST
  @Path("/refresh")
  public AuthViews.Tokens refresh(@NotNull @Valid AuthRequests.Refresh request) {
    return accounts.refresh(request.refreshToken());
  }

  @POST
  @Path("/logout")
  @PermitAll
  @ApiResponse(responseCode = "204", description = "Signed out")
  public Response logout(@Auth VoceroPrincipal principal, AuthRequests.Logout request) {
    accounts.logout(principal, request == null ? null : request.refreshToken());
    return Response.noContent().build();
  }

  @GET
  @Path("/me")
  @PermitAll
  public AuthViews.Me me(@Auth VoceroPrincipal principal) {
    var user = SharedDaos.of(jdbi).with(UserDao.class, dao -> dao.find(principal.orgId(), principal.userId()))
        .orElseThrow(() -> ApiException.unauthorized("user_not_found", "This user no longer exists."));
    String org = SharedDaos.of(jdbi).with(OrganizationDao.class, dao -> dao.find(principal.orgId()))
        .map(OrganizationRow::name).orElse(null);
    return new AuthViews.Me(AuthViews.User.of(user), org);
  }
}
