package dev.vocero.api.errors;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;
import org.glassfish.jersey.server.ParamException;

/**
 * A query, header or form parameter that does not parse (a malformed UUID, a word where a number goes): 422 naming it.
 * A path segment that does not parse names nothing: 404, as any unknown address.
 */
public class ParamExceptionMapper implements ExceptionMapper<ParamException> {
  @Override
  public Response toResponse(ParamException e) {
    if (e instanceof ParamException.PathParamException) {
      return Response.status(404).type(MediaType.APPLICATION_JSON_TYPE)
          .entity(ApiError.of("not_found", "There is nothing at this address.")).build();
    }
    String field = e.getParameterName();
    ApiError.Detail detail = detail(field, e);
    String code = "page".equals(field) || "pageSize".equals(field) ? "invalid_paging" : Violations.INVALID_REQUEST;
    ApiError error = new ApiError(code, "Parameter '" + field + "' " + detail.message() + ".",
        List.of(detail));
    return Response.status(422).type(MediaType.APPLICATION_JSON_TYPE).entity(error).build();
  }

  private static ApiError.Detail detail(String field, ParamException e) {
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (t instanceof NumberFormatException) {
        return new ApiError.Detail(field, "invalid_number", "must be a whole number in range");
      }
      if (t.getMessage() != null && t.getMessage().contains("UUID")) {
        return new ApiError.Detail(field, "invalid_uuid", "must be a UUID such as 3f0e8f5c-6b1e-4a8e-9d39-1c2b3a4d5e6f");
      }
    }
    return new ApiError.Detail(field, "invalid_value", "is not a valid value");
  }
}
