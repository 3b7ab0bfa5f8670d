package dev.vocero.workers.calls;

import dev.vocero.activities.calls.ContactCallActivitiesImpl;
import dev.vocero.activities.telephony.RetellTelephony;
import dev.vocero.activities.telephony.SandboxTelephony;
import dev.vocero.activities.telephony.Telephony;
import dev.vocero.activities.telephony.TwilioTelephony;
import dev.vocero.workers.config.TelephonyConfig;
import java.time.Clock;

/** Builds the configured telephony adapter and its per-call defaults. */
public final class TelephonyWiring {
  private TelephonyWiring() {}

  public static Telephony telephony(TelephonyConfig config) {
    return switch (config.getProvider()) {
      case "twilio" -> TwilioTelephony.create(config.getTwilio());
      case "retell" -> new RetellTelephony(config.getRetell());
      default -> new SandboxTelephony(config.getSandbox(), config.getSandboxAuthToken(), Clock.systemUTC());
    };
  }

  public static ContactCallActivitiesImpl.TelephonyDefaults defaults(TelephonyConfig config) {
    return switch (config.getProvider()) {
      case "twilio" -> new ContactCallActivitiesImpl.TelephonyDefaults(config.getTwilio().getFromNumber(),
          config.getTwilio().isRecord(), config.getTwilio().getMachineDetection(), config.getTwilio().getRingTimeoutSeconds());
      case "retell" -> new ContactCallActivitiesImpl.TelephonyDefaults(config.getRetell().getFromNumber(), false, null, 30);
      default -> new ContactCallActivitiesImpl.TelephonyDefaults(config.getSandboxFromNumber(), false, null, 30);
    };
  }
}
