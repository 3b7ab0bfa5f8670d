package dev.vocero.workers.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vocero.store.TestDatabase;
import dev.vocero.workers.ApiClient;
import dev.vocero.workers.CallFixtures;
import dev.vocero.workers.TestStack;
import dev.vocero.workers.config.Mode;
import dev.vocero.workers.config.VoceroConfiguration;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code vocero server} with Retell placing calls and Twilio carrying messages: Twilio-style callbacks are verified with
 * Twilio's token only, never the sandbox's public one (which every callback used to accept when Twilio was not the
 * telephony provider).
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ProviderCallbackSecretsTest {
  static final TestDatabase DB = TestDatabase.fresh();
  static final String TWILIO_TOKEN = "tw-" + "9f".repeat(16);
  static final DropwizardAppExtension<VoceroConfiguration> APP = TestStack.app(Mode.API, DB, TestStack::temporalTarget,
      () -> "http://127.0.0.1:9", TestStack.serverSecrets("retell", TWILIO_TOKEN,
          ConfigOverride.config("telephony.retell.apiKey", "key_" + "3c".repeat(12))));
  static final String SANDBOX_TOKEN = "sandbox-auth-token";

  @Test
  void givenServerWithRetell_whenACallbackIsSignedWithTheSandboxToken_itShouldAnswer403AndStoreNothing() {
    Jdbi jdbi = DB.jdbi();
    ApiClient api = new ApiClient(APP.getLocalPort());
    UUID attemptId = CallFixtures.placedAttempt(jdbi, "twilio", "CA" + "7".repeat(32));
    String status = "/webhooks/twilio/voice/status?attemptId=" + attemptId;
    Map<String, String> completed = form("CallSid", "CA" + "7".repeat(32), "CallStatus", "completed",
        "SequenceNumber", "3", "CallDuration", "600");

    assertEquals(403, api.twilioCallback(status, completed, SANDBOX_TOKEN).status(), "a forged outcome and duration");
    assertEquals(0, count(jdbi, "provider_events"));
    assertEquals(403, api.twilioCallback("/webhooks/twilio/messaging/inbound",
        form("MessageSid", "SM" + "1".repeat(32), "From", "+573001234560", "To", "+15005550006", "Body", "BAJA"),
        SANDBOX_TOKEN).status(), "a forged opt-out");
    assertEquals(0, count(jdbi, "dnc_numbers"));
    assertEquals(403, api.twilioCallback("/twiml/calls/" + attemptId, form("CallSid", "CA" + "7".repeat(32)),
        SANDBOX_TOKEN).status());

    assertEquals(204, api.twilioCallback(status, completed, TWILIO_TOKEN).status(),
        "Twilio's own signature is still accepted");
    assertEquals(1, count(jdbi, "provider_events"));
  }

  private static Map<String, String> form(String... pairs) {
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      params.put(pairs[i], pairs[i + 1]);
    }
    return params;
  }

  private static int count(Jdbi jdbi, String table) {
    return jdbi.withHandle(h -> h.createQuery("select count(*) from " + table).mapTo(Integer.class).one());
  }
}
