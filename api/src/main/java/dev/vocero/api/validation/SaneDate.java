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

/**
 * A calendar date (or instant) between 2000-01-01 and 2100-12-31: typos such as 20266-01-01 are caught early, and no
 * date reaches PostgreSQL or a timer's arithmetic beyond what they can hold.
 */
@DetailCode("date_range")
@Constraint(validatedBy = {SaneDate.Validator.class, SaneDate.InstantValidator.class})
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE, ElementType.RECORD_COMPONENT})
public @interface SaneDate {
  String message() default "must be between 2000-01-01 and 2100-12-31";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class InstantValidator implements ConstraintValidator<SaneDate, java.time.Instant> {
    @Override
    public boolean isValid(java.time.Instant value, ConstraintValidatorContext context) {
      return value == null || !value.isBefore(java.time.Instant.parse("2000-01-01T00:00:00Z"))
          && value.isBefore(java.time.Instant.parse("2101-01-01T00:00:00Z"));
    }
  }

  class Validator implements ConstraintValidator<SaneDate, java.time.LocalDate> {
    @Override
    public boolean isValid(java.time.LocalDate value, ConstraintValidatorContext context) {
      return value == null || !value.isBefore(java.time.LocalDate.of(2000, 1, 1))
          && !value.isAfter(java.time.LocalDate.of(2100, 12, 31));
    }
  }
}
