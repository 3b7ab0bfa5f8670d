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
import java.time.LocalTime;

/** On a {@link Window}: the daily window ends after it starts, on the same day; reported on {@code windowEnd}. */
@DetailCode("window_order")
@Constraint(validatedBy = WindowOrder.Validator.class)
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface WindowOrder {
  String message() default "must be after windowStart on the same day (windows across midnight are not supported)";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** A daily calling window. */
  interface Window {
    LocalTime windowStart();

    LocalTime windowEnd();
  }

  class Validator implements ConstraintValidator<WindowOrder, Window> {
    @Override
    public boolean isValid(Window value, ConstraintValidatorContext context) {
      if (value == null || value.windowStart() == null || value.windowEnd() == null
          || value.windowEnd().isAfter(value.windowStart())) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
          .addPropertyNode("windowEnd").addConstraintViolation();
      return false;
    }
  }
}
