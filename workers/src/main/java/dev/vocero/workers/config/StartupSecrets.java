package dev.vocero.workers.config;

import dev.vocero.activities.telephony.TwilioConfig;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What {@code server} and {@code worker} refuse to start with: an empty or published secret, or the sandbox, whose
 * callbacks are signed with a public token. {@code vocero dev} makes its own secrets and is not checked.
 */
public final class StartupSecrets {
  /** Secrets printed in this repository's configuration files and docs. */
  static final Set<String> PUBLISHED = Set.of("sandbox-auth-token", "set-by-dev-set-by-dev-set-by-dev-set-by-dev",
      "test-secret-test-secret-test-secret-0123456789", "changeme", "secret",
      "dm9jZXJvLXRlc3Qta2V5LXZvY2Vyby10ZXN0LWtleSE=");

  private StartupSecrets() {}

  /** One line per problem, each naming the key and the environment variable to set; empty when all is well. */
  public static List<String> problems(VoceroConfiguration config) {
    List<String> problems = new ArrayList<>();
    String jwt = config.getAuth().getJwtSecret();
    if (unusable(jwt) || jwt.getBytes(StandardCharsets.UTF_8).length < 32) {
      problems.add("auth.jwtSecret is empty, too short or a published default: set VOCERO_JWT_SECRET to at least 32 "
          + "random bytes (for example: openssl rand -base64 48).");
    }
    EncryptionConfig encryption = config.getTemporal().getEncryption();
    problems.addAll(encryption.problems());
    encryption.publishedKeyIds().forEach(id -> problems.add("temporal.encryption key " + id + " is published in this "
        + "repository: " + EncryptionConfig.HOW + "."));
    TelephonyConfig telephony = config.getTelephony();
    switch (telephony.getProvider()) {
      case "sandbox" -> problems.add("telephony.provider is sandbox: simulated calls run only in 'vocero dev' (their "
          + "callbacks are signed with a public token). Set VOCERO_TELEPHONY to twilio or retell, with its credentials.");
      case "twilio" -> {
        TwilioConfig twilio = telephony.getTwilio();
        if (unusable(twilio.getAccountSid())) {
          problems.add("telephony.twilio.accountSid is empty: set TWILIO_ACCOUNT_SID.");
        }
        if (unusable(twilio.getAuthToken())) {
          problems.add("telephony.twilio.authToken is empty or a published default: set TWILIO_AUTH_TOKEN "
              + "(it also verifies Twilio's callbacks).");
        }
      }
      default -> {
        if (unusable(telephony.getRetell().getApiKey())) {
          problems.add("telephony.retell.apiKey is empty: set RETELL_API_KEY (it also verifies Retell's webhooks).");
        }
      }
    }
    return problems;
  }

  private static boolean unusable(String secret) {
    return secret == null || secret.isBlank() || secret.contains("${") || PUBLISHED.contains(secret.trim());
  }
}
