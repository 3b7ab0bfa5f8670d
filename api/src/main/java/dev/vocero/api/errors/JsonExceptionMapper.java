package dev.vocero.api.errors;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;

/**
 * JSON bodies Jackson cannot read. Broken syntax is 400 {@code malformed_json}; an unknown field 400
 * {@code unknown_field}; a value of the wrong type or format (unknown enum value, malformed UUID, unparseable date,
 * number out of range) 422 naming the field. Never the parser's stack trace.
 */
public class JsonExceptionMapper implements ExceptionMapper<JsonProcessingException> {
  @Context
  private ResourceInfo resource;

  @Override
  public Response toResponse(JsonProcessingException e) {
    ApiError error = error(e, JsonFields.bodyType(resource));
    int status = error.code().equals("malformed_json") || error.code().equals("unknown_field") ? 400 : 422;
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(error).build();
  }

  /** The error for JSON that could not be read, e.g. inside a form field; the top-level code is the caller's. */
  public static ApiError error(JsonProcessingException e) {
    return error(e, null);
  }

  private static ApiError error(JsonProcessingException e, Class<?> bodyType) {
    if (e instanceof UnrecognizedPropertyException u) {
      return new ApiError("unknown_field", "The body has a field this endpoint does not know: '" + u.getPropertyName()
          + "'.", List.of(new ApiError.Detail(JsonFields.path(u.getPath()), "unknown_field", "not accepted here")));
    }
    if (e instanceof JsonMappingException m && m.getCause() instanceof JsonParseException) {
      return ApiError.of("malformed_json", "The request body is not valid JSON."); // cut off or broken inside a field
    }
    if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
      String field = JsonFields.path(m.getPath());
      Class<?> type = bodyType != null ? bodyType : JsonFields.rootType(m.getPath());
      if (m.getCause() instanceof InputCoercionException) {
        return outOfRange(field, type);
      }
      ApiError.Detail detail = m instanceof MismatchedInputException mismatch ? JsonFields.detail(field, mismatch)
          : new ApiError.Detail(field, "invalid_value", "is not a valid value");
      return new ApiError(Violations.topCode(type), "Field '" + field + "' " + detail.message() + ".", List.of(detail));
    }
    if (e instanceof InputCoercionException c && c.getProcessor() != null) {
      return outOfRange(JsonFields.path(c.getProcessor().getParsingContext()), bodyType);
    }
    if (e instanceof MismatchedInputException m && JsonFields.detail("", m).code().equals("nul_character")) {
      return new ApiError("invalid_request", "The body must not contain NUL characters.",
          List.of(JsonFields.detail("", m)));
    }
    return ApiError.of("malformed_json", "The request body is not valid JSON.");
  }

  private static ApiError outOfRange(String field, Class<?> rootType) {
    return new ApiError(Violations.topCode(rootType), "Field '" + field + "' is a number out of range.",
        List.of(new ApiError.Detail(field, "range", "the number is out of range")));
  }
}
