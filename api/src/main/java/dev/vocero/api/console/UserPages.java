package dev.vocero.api.console;

import dev.vocero.api.auth.AuthRequests;
import dev.vocero.api.auth.AuthViews;
import dev.vocero.api.auth.UsersResource;
import dev.vocero.api.errors.ApiException;
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
import java.util.List;
import java.util.UUID;

/**
 * Users (admins only, as {@code /api/v1/users}): the organisation's users, invite one with a first password, change a
 * role, deactivate or reactivate. A deactivated user's console session ends within seconds.
 */
@Hidden
@ConsolePage
@Path("/users")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class UserPages {
  private final UsersResource users;
  private final Validator validator;
  private final Pages pages;

  public UserPages(UsersResource users, Validator validator, Pages pages) {
    this.users = users;
    this.validator = validator;
    this.pages = pages;
  }

  @GET
  public String list(@Context ContainerRequestContext context) {
    ConsoleRequest p = admin(context);
    return page(p, FormErrors.NONE, "", "", "viewer");
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response invite(@Context ContainerRequestContext context, @FormParam("email") String email,
      @FormParam("name") String name, @FormParam("role") String role, @FormParam("password") String password) {
    ConsoleRequest p = admin(context);
    AuthRequests.CreateUser request = new AuthRequests.CreateUser(email, password, name, role);
    try {
      FormErrors.validate(validator, request);
      AuthViews.User created = (AuthViews.User) users.create(p.principal(), request).getEntity();
      ConsoleAudit.object(context, created.id().toString());
      return Response.seeOther(URI.create("/users#user-" + created.id())).build();
    } catch (ApiException e) {
      return Response.status(e.status()).entity(page(p, FormErrors.of("invite", e), email, name, role)).build();
    }
  }

  @POST
  @Path("{id}/role")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response role(@Context ContainerRequestContext context, @PathParam("id") UUID id,
      @FormParam("role") String role) {
    return update(context, id, new AuthRequests.UpdateUser(role == null ? "" : role, null));
  }

  @POST
  @Path("{id}/access")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response access(@Context ContainerRequestContext context, @PathParam("id") UUID id,
      @FormParam("active") String active) {
    return update(context, id, new AuthRequests.UpdateUser(null, "true".equals(active)));
  }

  private Response update(ContainerRequestContext context, UUID id, AuthRequests.UpdateUser request) {
    ConsoleRequest p = admin(context);
    try {
      users.update(p.principal(), id, request);
    } catch (ApiException e) {
      return Response.status(e.status()).entity(page(p, FormErrors.of("user-" + id, e), "", "", "viewer")).build();
    }
    return Response.seeOther(URI.create("/users#user-" + id)).build();
  }

  private String page(ConsoleRequest p, FormErrors errors, String email, String name, String role) {
    List<AuthViews.User> list = users.list(p.principal());
    return pages.render("users", p, "users", list, "errors", errors, "email", email == null ? "" : email,
        "name", name == null ? "" : name, "role", role == null ? "viewer" : role);
  }

  private static ConsoleRequest admin(ContainerRequestContext context) {
    ConsoleRequest p = ConsoleRequest.of(context);
    if (!p.user().isAdmin()) {
      throw new ApiException(403, "forbidden", p.t("error.admin_only"));
    }
    return p;
  }
}
