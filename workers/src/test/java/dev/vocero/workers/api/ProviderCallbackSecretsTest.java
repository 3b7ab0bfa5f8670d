package dev.vocero.workers.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vocero.domain.telephony.TwilioSignatures;
import dev.vocero.store.TestDatabase;
import dev.vocero.workers.CallFixtures;
import dev.vocero.workers.TestStack;
import dev.vocero.workers.config.Mode;
import dev.vocero.workers.config.VoceroConfiguration;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
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
  void givenServerWithRetell_whenACallbackIsSignedWithTheSandboxToken_itShouldAnswer403AndStoreNothing()
      throws Exception {
    Jdbi jdbi = DB.jdbi();
    UUID attemptId = CallFixtures.placedAttempt(jdbi, "twilio", "CA" + "7".repeat(32));
    String status = base() + "/webhooks/twilio/voice/status?attemptId=" + attemptId;
    Map<String, String> completed = form("CallSid", "CA" + "7".repeat(32), "CallStatus", "completed",
        "SequenceNumber", "3", "CallDuration", "600");

    assertEquals(403, post(status, completed, SANDBOX_TOKEN), "a forged outcome and duration");
    assertEquals(0, count(jdbi, "provider_events"));
    assertEquals(403, post(base() + "/webhooks/twilio/messaging/inbound",
        form("MessageSid", "SM" + "1".repeat(32), "From", "+573001234560", "To", "+15005550006", "Body", "BAJA"),
        SANDBOX_TOKEN), "a forged opt-out");
    assertEquals(0, count(jdbi, "dnc_numbers"));
    assertEquals(403, post(base() + "/twiml/calls/" + attemptId, form("CallSid", "CA" + "7".repeat(32)), SANDBOX_TOKEN));

    assertEquals(204, post(status, completed, TWILIO_TOKEN), "Twilio's own signature is still accepted");
    assertEquals(1, count(jdbi, "provider_events"));
  }

  private static String base() {
    return "http://localhost:" + APP.getLocalPort();
  }

  private static Map<String, String> form(String... pairs) {
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      params.put(pairs[i], pairs[i + 1]);
    }
    return params;
  }

  private static int post(String url, Map<String, String> params, String token) throws Exception {
    String body = params.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-Twilio-Signature", TwilioSignatures.sign(token, url, params))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static int count(Jdbi jdbi, String table) {
    return jdbi.withHandle(h -> h.createQuery("select count(*) from " + table).mapTo(Integer.class).one());
  }
}
