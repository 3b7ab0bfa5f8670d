package dev.vocero.workers.calls;

import dev.vocero.activities.messaging.Messaging;
import dev.vocero.activities.messaging.MessagingSettings;
import dev.vocero.activities.messaging.SandboxMessaging;
import dev.vocero.activities.messaging.TwilioMessaging;
import dev.vocero.api.calls.TelephonyWebhooks;
import dev.vocero.workers.config.MessagingConfig;
import dev.vocero.workers.config.TelephonyConfig;
import java.net.URI;
import java.time.Clock;

/** Builds the messaging adapter that matches the telephony provider, and its senders. */
public final class MessagingWiring {
  private MessagingWiring() {}

  public static Messaging messaging(TelephonyConfig telephony) {
    if ("twilio".equals(telephony.getProvider())) {
      return TwilioMessaging.create(telephony.getTwilio().getAccountSid(), telephony.getTwilio().getAuthToken());
    }
    String base = TelephonyWebhooks.withoutTrailingSlash(telephony.getPublicBaseUrl());
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
