package dev.vocero.api.auth;

import io.dropwizard.auth.Authorizer;
import jakarta.ws.rs.container.ContainerRequestContext;

/** {@code @RolesAllowed("operator")} means "operator or above": roles are ordered, not a flat set. */
public class RoleAuthorizer implements Authorizer<VoceroPrincipal> {
  @Override
  public boolean authorize(VoceroPrincipal principal, String role, ContainerRequestContext request) {
    Role required = Role.parse(role);
    return required != null && principal.role().atLeast(required);
  }
}
