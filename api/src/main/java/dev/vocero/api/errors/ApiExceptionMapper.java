package dev.vocero.api.errors;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

public class ApiExceptionMapper implements ExceptionMapper<ApiException> {
  @Override
  public Response toResponse(ApiException e) {
    Response.ResponseBuilder response = Response.status(e.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(e.toError());
    if (e.retryAfter() != null) {
      response.header("Retry-After", Math.max(1, e.retryAfter().toSeconds()));
    }
    if (e.status() == 401) {
      response.header("WWW-Authenticate", "Bearer realm=\"vocero\"");
    }
    return response.build();
  }
}
