package dev.vocero.api.validation;

import dev.vocero.api.errors.DetailCode;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An IANA time zone id (Region/City, or UTC); null is left to @NotNull. */
@DetailCode("time_zone")
@Constraint(validatedBy = TimeZoneId.Validator.class)
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE, ElementType.RECORD_COMPONENT})
public @interface TimeZoneId {
  String message() default "must be an IANA time zone such as America/Bogota";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<TimeZoneId, String> {
    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      if (value == null) {
        return true;
      }
      try {
        java.time.ZoneId.of(value);
        return value.contains("/") || "UTC".equals(value);
      } catch (java.time.DateTimeException e) {
        return false;
      }
    }
  }
}
