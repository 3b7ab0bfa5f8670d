package dev.vocero.api.errors;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL unreachable (connection refused, dropped or shut down): 503 with Retry-After, so clients and providers
 * try again (Twilio and Retell retry a 5xx webhook) instead of seeing a 500 for our outage. Any other database error
 * is unexpected and answered as such.
 */
public class DatabaseUnavailableMapper implements ExceptionMapper<JdbiException> {
  static final int RETRY_AFTER_SECONDS = 5;
  private static final Logger LOG = LoggerFactory.getLogger(DatabaseUnavailableMapper.class);
  private final UnexpectedExceptionMapper unexpected = new UnexpectedExceptionMapper();

  @Override
  public Response toResponse(JdbiException e) {
    if (!unreachable(e)) {
      return unexpected.toResponse(e);
    }
    return unavailable(e);
  }

  static Response unavailable(Throwable e) {
    LOG.warn("The database cannot be reached ({}); answered 503", e.getClass().getSimpleName());
    return Response.status(503).type(MediaType.APPLICATION_JSON_TYPE)
        .header("Retry-After", RETRY_AFTER_SECONDS)
        .entity(ApiError.of("database_unavailable",
            "The database cannot be reached right now. Nothing was changed; try again in a few seconds."))
        .build();
  }

  /** Connection-class SQL states (08…), PostgreSQL shutting down (57P01-57P03), or no connection from the pool. */
  static boolean unreachable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof org.jdbi.v3.core.ConnectionException || t instanceof SQLTransientConnectionException
          || t instanceof java.net.ConnectException) {
        return true;
      }
      if (t instanceof SQLException sql && sql.getSQLState() != null
          && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
        return true;
      }
    }
    return false;
  }
}
