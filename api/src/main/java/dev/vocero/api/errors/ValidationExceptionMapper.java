package dev.vocero.api.errors;

import io.dropwizard.jersey.validation.JerseyViolationException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;

/** Bean-validation failures as 422 with one detail per field. */
public class ValidationExceptionMapper implements ExceptionMapper<JerseyViolationException> {
  @Override
  public Response toResponse(JerseyViolationException e) {
    List<ApiError.Detail> details = e.getConstraintViolations().stream().map(ValidationExceptionMapper::detail).toList();
    String message = details.isEmpty() ? "The request is not valid."
        : "The request is not valid: " + details.get(0).field() + " " + details.get(0).message() + ".";
    boolean missingBody = details.stream().anyMatch(d -> d.field().isEmpty());
    return Response.status(missingBody ? 400 : 422).type(MediaType.APPLICATION_JSON_TYPE)
        .entity(new ApiError(missingBody ? "missing_body" : "invalid_request", missingBody
            ? "A JSON body is required." : message, details))
        .build();
  }

  private static ApiError.Detail detail(ConstraintViolation<?> v) {
    String field = "";
    for (Path.Node node : v.getPropertyPath()) {
      if (node.getKind() == jakarta.validation.ElementKind.PROPERTY) {
        field = field.isEmpty() ? node.getName() : field + "." + node.getName();
      }
    }
    return new ApiError.Detail(field, "invalid", v.getMessage());
  }
}
