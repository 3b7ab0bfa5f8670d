package dev.vocero.api.errors;

import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Field names and detail codes for values Jackson could not read, in the same notation as Bean Validation's. */
final class JsonFields {
  private JsonFields() {}

  static String path(List<JsonMappingException.Reference> path) {
    StringBuilder field = new StringBuilder();
    for (JsonMappingException.Reference ref : path) {
      if (ref.getFieldName() != null) {
        field.append(field.isEmpty() ? "" : ".").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        field.append('[').append(ref.getIndex()).append(']');
      }
    }
    return field.toString();
  }

  static String path(JsonStreamContext context) {
    List<String> parts = new ArrayList<>();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      parts.add(0, c.inArray() ? "[" + Math.max(0, c.getCurrentIndex()) + "]" : c.getCurrentName());
    }
    StringBuilder field = new StringBuilder();
    for (String part : parts) {
      if (part != null) {
        field.append(field.isEmpty() || part.startsWith("[") ? "" : ".").append(part);
      }
    }
    return field.toString();
  }

  /** The type of the resource method's body parameter (the one without a JAX-RS or auth annotation), if known. */
  static Class<?> bodyType(ResourceInfo resource) {
    Method method;
    try {
      method = resource == null ? null : resource.getResourceMethod();
    } catch (RuntimeException e) { // no request in scope
      return null;
    }
    if (method == null) {
      return null;
    }
    for (Parameter parameter : method.getParameters()) {
      boolean bound = false;
      for (Annotation annotation : parameter.getAnnotations()) {
        String name = annotation.annotationType().getPackageName();
        bound |= name.startsWith("jakarta.ws.rs") || name.startsWith("io.dropwizard.auth")
            || name.startsWith("org.glassfish.jersey");
      }
      if (!bound) {
        return parameter.getType();
      }
    }
    return null;
  }

  static Class<?> rootType(List<JsonMappingException.Reference> path) {
    Object from = path.get(0).getFrom();
    return from instanceof Class<?> type ? type : from == null ? null : from.getClass();
  }

  static ApiError.Detail detail(String field, MismatchedInputException e) {
    Class<?> type = e.getTargetType();
    Object value = e instanceof InvalidFormatException f ? f.getValue() : null;
    if (type == String.class && value instanceof String s && s.indexOf('\u0000') >= 0) {
      return new ApiError.Detail(field, "nul_character", "must not contain NUL characters");
    }
    if (type == null) {
      return new ApiError.Detail(field, "invalid_type", "has the wrong type");
    }
    if (type.isEnum()) {
      return new ApiError.Detail(field, "invalid_value", "is not one of the accepted values");
    }
    if (type == UUID.class) {
      return new ApiError.Detail(field, "invalid_uuid", "must be a UUID such as 3f0e8f5c-6b1e-4a8e-9d39-1c2b3a4d5e6f");
    }
    if (java.time.LocalTime.class.isAssignableFrom(type)) {
      return new ApiError.Detail(field, "invalid_time", "must be a time such as 09:00");
    }
    if (Temporal.class.isAssignableFrom(type) || TemporalAccessor.class.isAssignableFrom(type)) {
      return new ApiError.Detail(field, "invalid_date", "must be a date such as 2026-03-02 (ISO-8601)");
    }
    if (java.time.ZoneId.class.isAssignableFrom(type)) {
      return new ApiError.Detail(field, "time_zone", "must be an IANA time zone such as America/Bogota");
    }
    if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
      return new ApiError.Detail(field, "invalid_number", "must be a number");
    }
    return new ApiError.Detail(field, "invalid_type", "expected " + type.getSimpleName());
  }
}
