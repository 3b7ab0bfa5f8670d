package dev.vocero.api.errors;

import io.dropwizard.jersey.validation.JerseyViolationException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.glassfish.jersey.server.model.Invocable;
import org.glassfish.jersey.server.model.Parameter;

/**
 * Bean Validation failures of a resource method: 422 with one detail per field, the top-level code from the request
 * type's {@link ErrorCode} ({@code invalid_request} by default); a missing body is 400 {@code missing_body}.
 */
public class ValidationExceptionMapper implements ExceptionMapper<JerseyViolationException> {
  @Override
  public Response toResponse(JerseyViolationException e) {
    Invocable invocable = e.getInvocable();
    List<ApiError.Detail> details = new ArrayList<>();
    String code = null;
    boolean missingBody = false;
    for (ConstraintViolation<?> v : e.getConstraintViolations()) {
      Parameter parameter = parameter(v.getPropertyPath(), invocable);
      boolean body = parameter == null || parameter.getSourceName() == null
          || parameter.getSource() == Parameter.Source.ENTITY || parameter.getSource() == Parameter.Source.UNKNOWN;
      String field = Violations.field(v.getPropertyPath(),
          i -> body || parameter.getSource() == Parameter.Source.BEAN_PARAM ? null : parameter.getSourceName());
      missingBody |= body && field.isEmpty();
      if (code == null || body) {
        code = Violations.topCode(parameter == null ? null : parameter.getRawType());
      }
      details.add(Violations.detail(v, field));
    }
    details.sort(Comparator.comparing(ApiError.Detail::field).thenComparing(ApiError.Detail::code));
    ApiError error = missingBody ? new ApiError("missing_body", "A JSON body is required.", details)
        : new ApiError(code == null ? Violations.INVALID_REQUEST : code, Violations.message(details), details);
    return Response.status(missingBody ? 400 : 422).type(MediaType.APPLICATION_JSON_TYPE).entity(error).build();
  }

  private static Parameter parameter(Path path, Invocable invocable) {
    for (Path.Node node : path) {
      if (node.getKind() == ElementKind.PARAMETER && invocable != null) {
        int index = node.as(Path.ParameterNode.class).getParameterIndex();
        List<Parameter> parameters = invocable.getParameters();
        return index < parameters.size() ? parameters.get(index) : null;
      }
    }
    return null;
  }
}
