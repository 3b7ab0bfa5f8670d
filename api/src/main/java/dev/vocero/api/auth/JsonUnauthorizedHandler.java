package dev.vocero.api.auth;

import dev.vocero.api.errors.ApiError;
import io.dropwizard.auth.UnauthorizedHandler;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** A missing, forged or expired token gets our JSON error shape, not Dropwizard's plain text. */
public class JsonUnauthorizedHandler implements UnauthorizedHandler {
  @Override
  public Response buildResponse(String prefix, String realm) {
    return Response.status(401)
        .header("WWW-Authenticate", prefix + " realm=\"" + realm + "\"")
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(ApiError.of("unauthorized",
            "A valid access token is required: send 'Authorization: Bearer <accessToken>' from POST /api/v1/auth/login."))
        .build();
  }
}
