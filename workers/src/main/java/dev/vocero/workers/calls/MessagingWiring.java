package dev.vocero.workers.calls;

import dev.vocero.activities.messaging.Messaging;
import dev.vocero.activities.messaging.MessagingSettings;
import dev.vocero.activities.messaging.SandboxMessaging;
import dev.vocero.activities.messaging.TwilioMessaging;
import dev.vocero.activities.messaging.UnconfiguredMessaging;
import dev.vocero.workers.config.MessagingConfig;
import dev.vocero.workers.config.TelephonyConfig;
import java.net.URI;
import java.time.Clock;

/** Builds the messaging adapter that matches the telephony provider, and its senders. */
public final class MessagingWiring {
  private MessagingWiring() {}

  /**
   * Twilio when its credentials are set (also next to Retell calls); otherwise the sandbox in {@code dev} and, elsewhere,
   * a refusal that names the settings: the sandbox's callbacks would be refused outside dev.
   */
  public static Messaging messaging(TelephonyConfig telephony, boolean dev) {
    if ("twilio".equals(telephony.getProvider()) || !blank(telephony.getTwilio().getAuthToken())) {
      return TwilioMessaging.create(telephony.getTwilio().getAccountSid(), telephony.getTwilio().getAuthToken());
    }
    if (!dev) {
      return new UnconfiguredMessaging();
    }
    String base = telephony.callbackBaseUrl();
    return new SandboxMessaging(telephony.getSandbox(), telephony.getSandboxAuthToken(),
        URI.create(base + "/webhooks/twilio/messaging/inbound"), Clock.systemUTC());
  }

  public static MessagingSettings settings(TelephonyConfig telephony, MessagingConfig messaging) {
    String callerId = TelephonyWiring.defaults(telephony).fromNumber();
    String sms = blank(messaging.getSmsFrom()) ? callerId : messaging.getSmsFrom();
    String whatsapp = blank(messaging.getWhatsappFrom()) ? sms : messaging.getWhatsappFrom();
    return new MessagingSettings(sms, whatsapp, telephony.getPublicBaseUrl());
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
