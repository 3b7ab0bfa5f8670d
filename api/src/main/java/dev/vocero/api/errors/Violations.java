package dev.vocero.api.errors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.lang.annotation.Annotation;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.validator.engine.HibernateConstraintViolation;

/** Turns Bean Validation violations into error details: the field as the client wrote it, a stable code. */
public final class Violations {
  public static final String INVALID_REQUEST = "invalid_request";

  private static final Map<String, String> BUILT_IN = Map.ofEntries(
      Map.entry("NotNull", "not_null"), Map.entry("NotBlank", "not_blank"), Map.entry("NotEmpty", "not_empty"),
      Map.entry("Size", "size"), Map.entry("Pattern", "pattern"), Map.entry("Email", "email"),
      Map.entry("Min", "range"), Map.entry("Max", "range"), Map.entry("DecimalMin", "range"),
      Map.entry("DecimalMax", "range"), Map.entry("Positive", "range"), Map.entry("PositiveOrZero", "range"),
      Map.entry("Negative", "range"), Map.entry("NegativeOrZero", "range"), Map.entry("Range", "range"),
      Map.entry("Length", "size"), Map.entry("Future", "date_range"), Map.entry("Past", "date_range"),
      Map.entry("AssertTrue", "invalid_value"), Map.entry("AssertFalse", "invalid_value"),
      Map.entry("UniqueElements", "unique"));

  private Violations() {}

  /** 422 with one detail per violation, sorted by field; the top-level code is the request type's {@link ErrorCode}. */
  public static ApiException unprocessable(Set<? extends ConstraintViolation<?>> violations, Class<?> requestType) {
    List<ApiError.Detail> details = violations.stream().map(v -> detail(v, field(v.getPropertyPath(), null)))
        .sorted(Comparator.comparing(ApiError.Detail::field).thenComparing(ApiError.Detail::code)).toList();
    return new ApiException(422, topCode(requestType), message(details), details, null);
  }

  public static String topCode(Class<?> requestType) {
    ErrorCode code = requestType == null ? null : requestType.getAnnotation(ErrorCode.class);
    return code == null ? INVALID_REQUEST : code.value();
  }

  public static String message(List<ApiError.Detail> details) {
    if (details.isEmpty()) {
      return "The request is not valid.";
    }
    ApiError.Detail first = details.get(0);
    String more = details.size() > 1 ? " (and " + (details.size() - 1) + " more; see details)" : "";
    return "The request is not valid: " + (first.field().isEmpty() ? "" : first.field() + " ") + first.message() + more
        + ".";
  }

  public static ApiError.Detail detail(ConstraintViolation<?> v, String field) {
    String override = v instanceof HibernateConstraintViolation<?> h ? h.getDynamicPayload(String.class) : null;
    return new ApiError.Detail(field, override != null ? override : code(v.getConstraintDescriptor().getAnnotation()),
        v.getMessage());
  }

  public static String code(Annotation constraint) {
    DetailCode custom = constraint.annotationType().getAnnotation(DetailCode.class);
    if (custom != null) {
      return custom.value();
    }
    return BUILT_IN.getOrDefault(constraint.annotationType().getSimpleName(), "invalid");
  }

  /**
   * "waves[0].name", "messageQuotas.sms", "weekdays[2]": properties joined by dots, list indexes in brackets, map
   * keys after a dot. {@code parameterName} names the method parameter a path starts at (a query parameter), or is
   * null for a body.
   */
  public static String field(Path path, java.util.function.IntFunction<String> parameterName) {
    StringBuilder field = new StringBuilder();
    for (Path.Node node : path) {
      if (node.getKind() == ElementKind.PARAMETER && parameterName != null) {
        append(field, parameterName.apply(node.as(Path.ParameterNode.class).getParameterIndex()));
      } else if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.CONTAINER_ELEMENT
          || node.getKind() == ElementKind.BEAN) {
        if (node.isInIterable()) {
          if (node.getIndex() != null) {
            field.append('[').append(node.getIndex()).append(']');
          } else if (node.getKey() != null) {
            append(field, String.valueOf(node.getKey()));
          }
        }
        if (node.getKind() == ElementKind.PROPERTY) {
          append(field, node.getName());
        }
      }
    }
    return field.toString();
  }

  private static void append(StringBuilder field, String name) {
    if (name == null || name.isEmpty()) {
      return;
    }
    if (!field.isEmpty()) {
      field.append('.');
    }
    field.append(name);
  }
}
