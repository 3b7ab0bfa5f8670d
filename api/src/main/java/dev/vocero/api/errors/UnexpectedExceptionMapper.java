package dev.vocero.api.errors;

import dev.vocero.api.http.BodyLimit;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Anything unexpected: a 500 with an incident id the operator can find in the server log; no stack trace out. */
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {
  private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionMapper.class);

  @Override
  public Response toResponse(Throwable e) {
    if (BodyLimit.isTooLarge(e)) {
      return Response.status(413).build(); // a client's oversize body, not an incident; BodyLimit.Exceeded says why
    }
    if (DatabaseUnavailableMapper.unreachable(e)) {
      return DatabaseUnavailableMapper.unavailable(e); // our outage, not a defect: the client retries
    }
    String incident = UUID.randomUUID().toString();
    LOG.error("Unexpected error, incident {}", incident, e);
    return Response.status(500).type(MediaType.APPLICATION_JSON_TYPE)
        .entity(ApiError.of("server_error", "Something went wrong on our side (incident " + incident + ")."))
        .build();
  }
}
