package dev.vocero.domain.telephony;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class RetellSignaturesTest {

  private static final String KEY = "key_webhook_0123456789abcdef";
  private static final String BODY = "{\"event\":\"call_ended\","
      + "\"call\":{\"call_id\":\"Jabr9TXYYJHfvl6Syypi88rdAHYHmcq6\","
      + "\"call_status\":\"ended\",\"transcript\":\"Agent: ¿Hablo con Ana?\"}}";
  private static final Instant AT = Instant.parse("2025-09-09T15:17:43.123Z");

  @Test
  void givenTheDocumentedScheme_whenSigning_itShouldBeHexHmacSha256OfBodyPlusMillis() throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String digest = HexFormat.of().formatHex(mac.doFinal((BODY + "1757431063123").getBytes(StandardCharsets.UTF_8)));

    assertEquals("v=1757431063123,d=" + digest, RetellSignatures.sign(KEY, BODY, AT));
  }

  @Test
  void givenAFreshSignature_whenValidating_itShouldPass() {
    String header = RetellSignatures.sign(KEY, BODY, AT);

    assertTrue(RetellSignatures.valid(KEY, BODY, header, AT.plusSeconds(2)));
    assertTrue(RetellSignatures.valid(KEY, BODY, header, AT.plus(Duration.ofMinutes(5))));
  }

  @Test
  void givenATamperedBodyOrAnotherKey_whenValidating_itShouldFail() {
    String header = RetellSignatures.sign(KEY, BODY, AT);

    assertFalse(RetellSignatures.valid(KEY, BODY.replace("ended\"", "ongoing\""), header, AT));
    assertFalse(RetellSignatures.valid("key_other", BODY, header, AT));
    assertFalse(RetellSignatures.valid(KEY, BODY, header.replace("v=1757431063123", "v=1757431063124"), AT));
  }

  @Test
  void givenAnExpiredOrFutureTimestamp_whenValidating_itShouldFail() {
    String header = RetellSignatures.sign(KEY, BODY, AT);

    assertFalse(RetellSignatures.valid(KEY, BODY, header, AT.plus(Duration.ofMinutes(5)).plusMillis(1)));
    assertFalse(RetellSignatures.valid(KEY, BODY, header, AT.minus(Duration.ofMinutes(6))));
  }

  @Test
  void givenAMalformedOrMissingHeader_whenValidating_itShouldFail() {
    assertFalse(RetellSignatures.valid(KEY, BODY, null, AT));
    assertFalse(RetellSignatures.valid(KEY, BODY, "", AT));
    assertFalse(RetellSignatures.valid(KEY, BODY, "v=1757431063123", AT));
    assertFalse(RetellSignatures.valid(KEY, BODY, "v=1757431063123,d=abc", AT));
    assertFalse(RetellSignatures.valid(KEY, BODY, "d=00,v=1757431063123", AT));
    assertFalse(RetellSignatures.valid(KEY, BODY, "v=99999999999999999999999,d=00", AT));
  }
}
