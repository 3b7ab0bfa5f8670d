package dev.vocero.api.errors;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.JdbiException;

/**
 * Answers an exception exactly as the JAX-RS exception mappers do (same status, headers, JSON body and logging), for
 * the few hot endpoints served by a servlet filter outside Jersey.
 */
public final class ServletErrors {
  private final ObjectMapper json;
  private final ApiExceptionMapper expected = new ApiExceptionMapper();
  private final DatabaseUnavailableMapper database = new DatabaseUnavailableMapper();
  private final UnexpectedExceptionMapper unexpected = new UnexpectedExceptionMapper();

  public ServletErrors(ObjectMapper json) {
    this.json = json;
  }

  public void write(HttpServletResponse response, RuntimeException e) throws IOException {
    Response answer = e instanceof ApiException api ? expected.toResponse(api)
        : e instanceof JdbiException jdbi ? database.toResponse(jdbi) : unexpected.toResponse(e);
    response.setStatus(answer.getStatus());
    for (Map.Entry<String, List<Object>> header : answer.getHeaders().entrySet()) {
      for (Object value : header.getValue()) {
        response.addHeader(header.getKey(), String.valueOf(value));
      }
    }
    if (answer.getEntity() != null) {
      byte[] body = json.writeValueAsBytes(answer.getEntity());
      response.setContentLength(body.length);
      response.getOutputStream().write(body);
    }
  }
}
