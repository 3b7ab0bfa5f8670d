package dev.vocero.api.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;

/** Malformed or mistyped JSON bodies: 400 with the offending field, never the parser's stack trace. */
public class JsonExceptionMapper implements ExceptionMapper<JsonProcessingException> {
  @Override
  public Response toResponse(JsonProcessingException e) {
    ApiError error;
    if (e instanceof UnrecognizedPropertyException u) {
      error = new ApiError("unknown_field", "The body has a field this endpoint does not know: '" + u.getPropertyName() + "'.",
          List.of(new ApiError.Detail(u.getPropertyName(), "unknown_field", "not accepted here")));
    } else if (e instanceof InvalidFormatException f && !f.getPath().isEmpty()) {
      String field = f.getPath().get(f.getPath().size() - 1).getFieldName();
      error = new ApiError("invalid_field", "Field '" + field + "' has the wrong type.",
          List.of(new ApiError.Detail(field, "invalid_type", "expected " + f.getTargetType().getSimpleName())));
    } else {
      error = ApiError.of("malformed_json", "The request body is not valid JSON.");
    }
    return Response.status(400).type(MediaType.APPLICATION_JSON_TYPE).entity(error).build();
  }
}
