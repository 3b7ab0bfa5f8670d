package dev.vocero.api.console;

import dev.vocero.api.errors.ApiError;
import dev.vocero.api.errors.ApiException;
import dev.vocero.api.errors.Violations;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A form's errors, shown beside its fields: the same Bean Validation as the REST request, or a service's refusal
 * (its detail's field when it names one, else the message above the form).
 */
public record FormErrors(String form, String message, Map<String, String> fields, Map<String, String> values) {
  public static final FormErrors NONE = new FormErrors("", null, Map.of(), Map.of());

  /** Throws the API's 422 when the request record breaks its constraints. */
  public static void validate(Validator validator, Object request) {
    Set<ConstraintViolation<Object>> violations = validator.validate(request);
    if (!violations.isEmpty()) {
      throw Violations.unprocessable(violations, request.getClass());
    }
  }

  /** A refused write of {@code form}: 4xx answers become errors beside the fields; anything else goes on. */
  public static FormErrors of(String form, ApiException e) {
    if (e.status() < 400 || e.status() >= 500 || e.status() == 401 || e.status() == 403 || e.status() == 404) {
      throw e;
    }
    Map<String, String> fields = new LinkedHashMap<>();
    for (ApiError.Detail d : e.details()) {
      fields.putIfAbsent(d.field(), d.message());
    }
    return new FormErrors(form, fields.isEmpty() ? e.getMessage() : null, fields, Map.of());
  }

  /** The error of {@code field} in {@code form}, or null. */
  public String field(String form, String field) {
    return this.form.equals(form) ? fields.get(field) : null;
  }

  /** The same errors with what was typed, so the form shows it again. */
  public FormErrors typed(Map<String, String> typed) {
    Map<String, String> kept = new LinkedHashMap<>();
    typed.forEach((k, v) -> kept.put(k, v == null ? "" : v));
    return new FormErrors(form, message, fields, kept);
  }

  /** What was typed in {@code field} of {@code form} before it was refused, else "". */
  public String value(String form, String field) {
    return this.form.equals(form) ? values.getOrDefault(field, "") : "";
  }

  /** The message above {@code form}, or null. */
  public String above(String form) {
    return this.form.equals(form) ? message : null;
  }

  public boolean any() {
    return message != null || !fields.isEmpty();
  }
}
