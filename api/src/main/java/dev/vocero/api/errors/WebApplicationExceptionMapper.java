package dev.vocero.api.errors;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;

/** Jersey's own errors (unknown path, wrong method, unsupported body type…) in our JSON shape. */
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
  private static final Map<Integer, String> CODES = Map.of(
      400, "bad_request",
      401, "unauthorized",
      403, "forbidden",
      404, "not_found",
      405, "method_not_allowed",
      406, "not_acceptable",
      413, "payload_too_large",
      415, "unsupported_media_type");

  @Override
  public Response toResponse(WebApplicationException e) {
    int status = e.getResponse().getStatus();
    String code = CODES.getOrDefault(status, status >= 500 ? "server_error" : "bad_request");
    String message = switch (status) {
      case 401 -> "Authentication required: send 'Authorization: Bearer <accessToken>' (see POST /api/v1/auth/login).";
      case 403 -> "Your role does not allow this action.";
      case 404 -> "There is nothing at this address.";
      case 405 -> "This address does not accept that HTTP method.";
      case 415 -> "This endpoint does not accept that Content-Type.";
      default -> status >= 500 ? "The server could not complete the request." : "The request could not be understood.";
    };
    Response.ResponseBuilder response = Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
        .entity(ApiError.of(code, message));
    if (status == 401) {
      response.header("WWW-Authenticate", "Bearer realm=\"vocero\"");
    }
    return response.build();
  }
}
