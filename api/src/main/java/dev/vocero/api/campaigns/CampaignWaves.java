package dev.vocero.api.campaigns;

import dev.vocero.api.errors.DetailCode;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;

/** Each wave of a campaign messages the contacts of one of the campaign's own batches. */
@DetailCode("not_in_campaign")
@Constraint(validatedBy = CampaignWaves.Validator.class)
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@interface CampaignWaves {
  String message() default "must be one of the campaign's batchIds: a wave messages the contacts of one of its batches";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<CampaignWaves, CampaignRequest> {
    @Override
    public boolean isValid(CampaignRequest value, ConstraintValidatorContext context) {
      if (value == null || value.waves() == null) {
        return true;
      }
      boolean valid = true;
      context.disableDefaultConstraintViolation();
      List<CampaignWaveRequest> waves = value.waves();
      for (int i = 0; i < waves.size(); i++) {
        CampaignWaveRequest wave = waves.get(i);
        if (wave != null && wave.batchId() != null && !value.batches().contains(wave.batchId())) {
          context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
              .addPropertyNode("waves").addPropertyNode("batchId").inIterable().atIndex(i).addConstraintViolation();
          valid = false;
        }
      }
      return valid;
    }
  }
}
