package dev.vocero.domain.telephony;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TwilioSignaturesTest {
  private static final String TOKEN = "twilio-test-auth-token-0123456789";

  private static final String URL = "https://vocero.example.com/webhooks/twilio/voice/status?attempt=7d0b6a8e";
  private static final Map<String, String> PARAMS = Map.of(
      "CallSid", "CA" + "a".repeat(32),
      "CallStatus", "completed",
      "To", "+14155550100",
      "From", "+14155550199",
      "SequenceNumber", "3");

  @Test
  void givenTwilioCanonicalVector_whenSigning_itShouldMatchThePublishedSignature() {
    // Twilio's canonical request-validation vector (twilio.com/docs/usage/security)
    String url = "https://mycompany.com/myapp.php?foo=1&bar=2";
    Map<String, String> params = Map.of("CallSid", "CA1234567890ABCDE", "Caller", "+14158675309",
        "Digits", "1234", "From", "+14158675309", "To", "+18005551212");

    String signature = TwilioSignatures.sign("12345", url, params);

    assertEquals("RSOYDt4T1cUTdK1PDd93/VVr8B8=", signature);
    assertTrue(TwilioSignatures.valid("12345", url, params, signature));
  }

  @Test
  void givenOurOwnSignature_whenValidating_itShouldPass() {
    String signature = TwilioSignatures.sign(TOKEN, URL, PARAMS);

    assertTrue(TwilioSignatures.valid(TOKEN, URL, PARAMS, signature));
  }

  @Test
  void givenATamperedParameter_whenValidating_itShouldFail() {
    String signature = TwilioSignatures.sign(TOKEN, URL, PARAMS);
    Map<String, String> tampered = new HashMap<>(PARAMS);
    tampered.put("CallStatus", "busy");

    assertFalse(TwilioSignatures.valid(TOKEN, URL, tampered, signature));
  }

  @Test
  void givenAnExtraParameter_whenValidating_itShouldFail() {
    String signature = TwilioSignatures.sign(TOKEN, URL, PARAMS);
    Map<String, String> extra = new HashMap<>(PARAMS);
    extra.put("AnsweredBy", "human");

    assertFalse(TwilioSignatures.valid(TOKEN, URL, extra, signature));
  }

  @Test
  void givenAnotherUrl_whenValidating_itShouldFail() {
    String signature = TwilioSignatures.sign(TOKEN, URL, PARAMS);

    assertFalse(TwilioSignatures.valid(TOKEN, URL.replace("7d0b6a8e", "00000000"), PARAMS, signature));
    assertFalse(TwilioSignatures.valid(TOKEN, "http://vocero.example.com/webhooks/twilio/voice/status?attempt=7d0b6a8e",
        PARAMS, signature));
  }

  @Test
  void givenAnotherToken_whenValidating_itShouldFail() {
    String signature = TwilioSignatures.sign("someone-elses-token", URL, PARAMS);

    assertFalse(TwilioSignatures.valid(TOKEN, URL, PARAMS, signature));
  }

  @Test
  void givenAMissingHeader_whenValidating_itShouldFail() {
    assertFalse(TwilioSignatures.valid(TOKEN, URL, PARAMS, null));
    assertFalse(TwilioSignatures.valid(TOKEN, URL, PARAMS, ""));
    assertFalse(TwilioSignatures.valid(null, URL, PARAMS, TwilioSignatures.sign(TOKEN, URL, PARAMS)));
  }

  @Test
  void givenASignatureOverTheUrlWithItsDefaultPort_whenValidatingWithout_itShouldPass() {
    // Twilio signs with or without :443 depending on the product; its RequestValidator accepts both, so do we
    String withPort = "https://vocero.example.com:443/webhooks/twilio/voice/status?attempt=7d0b6a8e";

    assertTrue(TwilioSignatures.valid(TOKEN, URL, PARAMS, TwilioSignatures.sign(TOKEN, withPort, PARAMS)));
    assertTrue(TwilioSignatures.valid(TOKEN, withPort, PARAMS, TwilioSignatures.sign(TOKEN, URL, PARAMS)));
  }

  @Test
  void givenTwoTokensOnOneThread_whenValidatingInTurn_itShouldUseEachTokensKey() {
    String other = "another-auth-token-9876543210";
    String mine = TwilioSignatures.sign(TOKEN, URL, PARAMS);
    String theirs = TwilioSignatures.sign(other, URL, PARAMS);

    for (int i = 0; i < 3; i++) { // the thread's cached Mac must follow the token
      assertTrue(TwilioSignatures.valid(TOKEN, URL, PARAMS, mine));
      assertTrue(TwilioSignatures.valid(other, URL, PARAMS, theirs));
      assertFalse(TwilioSignatures.valid(other, URL, PARAMS, mine));
      assertFalse(TwilioSignatures.valid(TOKEN, URL, PARAMS, theirs));
    }
  }

  @Test
  void givenANullValue_whenSigning_itShouldSignItAsEmptyLikeTwilio() {
    Map<String, String> withNull = new HashMap<>(PARAMS);
    withNull.put("Digits", null);
    Map<String, String> withEmpty = new HashMap<>(PARAMS);
    withEmpty.put("Digits", "");

    assertEquals(TwilioSignatures.sign(TOKEN, URL, withEmpty), TwilioSignatures.sign(TOKEN, URL, withNull));
    assertTrue(new com.twilio.security.RequestValidator(TOKEN).validate(URL, withNull,
        TwilioSignatures.sign(TOKEN, URL, withNull)));
  }
}
