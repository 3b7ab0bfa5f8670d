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
 * On a {@link Message}: it has a text ({@code body}) or a WhatsApp template ({@code contentSid}), and a template only on
 * the whatsapp channel. Reported on {@code body} ({@code missing_content}) or {@code contentSid} ({@code
 * template_needs_whatsapp}).
 */
@DetailCode("missing_content")
@Constraint(validatedBy = MessageContent.Validator.class)
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface MessageContent {
  String message() default "give the message text in body or, for WhatsApp, an approved template in contentSid";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** What a message carries. */
  interface Message {
    String channel();

    String body();

    String contentSid();
  }

  class Validator implements ConstraintValidator<MessageContent, Message> {
    @Override
    public boolean isValid(Message value, ConstraintValidatorContext context) {
      if (value == null) {
        return true;
      }
      boolean valid = true;
      context.disableDefaultConstraintViolation();
      if ((value.body() == null || value.body().isBlank()) && value.contentSid() == null) {
        context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
            .addPropertyNode("body").addConstraintViolation();
        valid = false;
      }
      if (value.contentSid() != null && !"whatsapp".equals(value.channel())) {
        Codes.override(context, "template_needs_whatsapp");
        context.buildConstraintViolationWithTemplate("a template (contentSid) is sent only on the whatsapp channel; use"
            + " body for SMS").addPropertyNode("contentSid").addConstraintViolation();
        valid = false;
      }
      return valid;
    }
  }
}
