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
import java.time.LocalDate;

/** On a {@link Span}: the last day is on or after the first; reported on {@code endDate}. */
@DetailCode("date_order")
@Constraint(validatedBy = DateOrder.Validator.class)
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface DateOrder {
  String message() default "must be on or after startDate";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** A span of calendar days, both ends included. */
  interface Span {
    LocalDate startDate();

    LocalDate endDate();
  }

  class Validator implements ConstraintValidator<DateOrder, Span> {
    @Override
    public boolean isValid(Span value, ConstraintValidatorContext context) {
      if (value == null || value.startDate() == null || value.endDate() == null
          || !value.endDate().isBefore(value.startDate())) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
          .addPropertyNode("endDate").addConstraintViolation();
      return false;
    }
  }
}
