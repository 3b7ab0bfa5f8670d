package dev.vocero.api.validation;

import jakarta.validation.ConstraintValidatorContext;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/** Lets a validator that checks several rules give a violation a detail code other than its annotation's. */
public final class Codes {
  private Codes() {}

  /** The detail code of the violations this validator builds next (read back by {@code Violations.code}). */
  public static void override(ConstraintValidatorContext context, String code) {
    context.unwrap(HibernateConstraintValidatorContext.class).withDynamicPayload(code);
  }
}
