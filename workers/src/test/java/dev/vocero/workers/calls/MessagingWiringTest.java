package dev.vocero.workers.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vocero.activities.messaging.Messaging;
import dev.vocero.activities.messaging.MessagingException;
import dev.vocero.workers.config.TelephonyConfig;
import org.junit.jupiter.api.Test;

class MessagingWiringTest {

  private static TelephonyConfig telephony(String provider, String twilioToken) {
    TelephonyConfig config = new TelephonyConfig();
    config.setProvider(provider);
    config.getTwilio().setAccountSid("AC" + "0".repeat(32));
    config.getTwilio().setAuthToken(twilioToken);
    return config;
  }

  @Test
  void givenRetellCallsWithoutTwilio_outsideDev_itShouldRefuseMessagesNamingTheSettingsInsteadOfUsingTheSandbox() {
    Messaging messaging = MessagingWiring.messaging(telephony("retell", ""), false);
    assertEquals("none", messaging.provider());
    MessagingException refused = assertThrows(MessagingException.class, () -> messaging.send(null));
    assertEquals(MessagingException.Kind.REJECTED, refused.kind());
    assertEquals(true, refused.getMessage().contains("TWILIO_AUTH_TOKEN"));
  }

  @Test
  void givenEachConfiguration_itShouldPickTheProviderWhoseCallbacksAreVerified() {
    assertEquals("twilio", MessagingWiring.messaging(telephony("retell", "tw-token"), false).provider());
    assertEquals("twilio", MessagingWiring.messaging(telephony("twilio", "tw-token"), false).provider());
    assertEquals("sandbox", MessagingWiring.messaging(telephony("sandbox", ""), true).provider());
    assertEquals("sandbox", MessagingWiring.messaging(telephony("retell", ""), true).provider());
  }
}
