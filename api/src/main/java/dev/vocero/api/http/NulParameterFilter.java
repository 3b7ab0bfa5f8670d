package dev.vocero.api.http;

import dev.vocero.api.errors.ApiException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import java.util.Map;

/**
 * Refuses query and path parameters holding a NUL character (PostgreSQL cannot take one) with 422
 * {@code invalid_request} naming the parameter, before any resource sees them. JSON bodies are covered by
 * {@link dev.vocero.api.validation.StrictStrings}.
 */
@Priority(Priorities.USER)
public class NulParameterFilter implements ContainerRequestFilter {
  @Override
  public void filter(ContainerRequestContext request) {
    check(request.getUriInfo().getQueryParameters());
    check(request.getUriInfo().getPathParameters());
  }

  private static void check(MultivaluedMap<String, String> parameters) {
    for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
      for (String value : parameter.getValue()) {
        if (value != null && value.indexOf('\u0000') >= 0) {
          throw ApiException.invalidField("invalid_request", parameter.getKey(), "nul_character",
              "Parameter '" + parameter.getKey() + "' must not contain NUL characters.");
        }
      }
    }
  }
}
