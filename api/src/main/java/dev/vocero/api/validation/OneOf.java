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
import java.util.Set;

/** One of a fixed set of wire strings (a channel, a state), compared exactly; null is left to @NotNull. */
@DetailCode("invalid_value")
@Constraint(validatedBy = OneOf.Validator.class)
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE, ElementType.RECORD_COMPONENT})
public @interface OneOf {
  String[] value();

  String message() default "must be one of {value}";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<OneOf, String> {
    private Set<String> accepted;

    @Override
    public void initialize(OneOf annotation) {
      accepted = Set.of(annotation.value());
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      return value == null || accepted.contains(value);
    }
  }
}
