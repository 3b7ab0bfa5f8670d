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

/** A call disposition's wire name (no_answer, busy, ...), case-insensitive. */
@DetailCode("invalid_value")
@Constraint(validatedBy = CallDisposition.Validator.class)
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE, ElementType.RECORD_COMPONENT})
public @interface CallDisposition {
  String message() default "is not a call disposition; use e.g. no_answer, busy, answered_machine, failed";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<CallDisposition, String> {
    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      if (value == null) {
        return true;
      }
      try {
        dev.vocero.workflows.calls.Disposition.fromWire(value.trim().toLowerCase(java.util.Locale.ROOT));
        return true;
      } catch (IllegalArgumentException e) {
        return false;
      }
    }
  }
}
