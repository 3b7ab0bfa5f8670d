package dev.vocero.activities.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SpeechErrorsTest {

  private static final Clock NOW = Clock.fixed(Instant.parse("2025-06-02T10:00:00Z"), ZoneOffset.UTC);

  @Test
  void givenRetryAfterForms_whenParsing_itShouldFollowRfc9110() {
    assertEquals(Duration.ofSeconds(120), SpeechErrors.parseRetryAfter(" 120 ", NOW));
    assertEquals(Duration.ofSeconds(90), SpeechErrors.parseRetryAfter("Mon, 02 Jun 2025 10:01:30 GMT", NOW));
    assertEquals(Duration.ZERO, SpeechErrors.parseRetryAfter("Mon, 02 Jun 2025 09:00:00 GMT", NOW));
    assertNull(SpeechErrors.parseRetryAfter("soon", NOW));
    assertNull(SpeechErrors.parseRetryAfter(null, NOW));
  }

  @Test
  void givenA502WithAnHttpDate_whenClassifying_itShouldBeRetryableWithThatDelay() {
    SpeechException e = SpeechErrors.forStatus("Gemini", "generateContent", 502, "Mon, 02 Jun 2025 10:00:05 GMT",
        "<html>Bad Gateway</html>", null, NOW);

    assertTrue(e.retryable());
    assertEquals(Duration.ofSeconds(5), e.getRetryAfter());
    assertTrue(e.getMessage().startsWith("Gemini returned HTTP 502"), e.getMessage());
  }

  @Test
  void givenStatuses_whenClassifying_itShouldMapToKinds() {
    assertEquals(SpeechException.Kind.RETRYABLE, kindOf(408));
    assertEquals(SpeechException.Kind.REJECTED, kindOf(404));
    assertEquals(SpeechException.Kind.REJECTED, kindOf(415));
    assertEquals(SpeechException.Kind.REJECTED, kindOf(422));
    assertEquals(SpeechException.Kind.UNAUTHORIZED, kindOf(403));
    assertEquals(SpeechException.Kind.TOO_LARGE, kindOf(413));
  }

  @Test
  void givenALongBodyContainingTheKey_whenExtracting_itShouldRedactAndTruncate() {
    String body = "{\"detail\":\"bad key my-local-key " + "x".repeat(1000) + "\"}";

    String message = SpeechErrors.providerMessage(body, "my-local-key");

    assertFalse(message.contains("my-local-key"));
    assertTrue(message.startsWith("bad key [redacted] xxx"));
    assertEquals(SpeechErrors.MAX_PROVIDER_MESSAGE + 3, message.length());
  }

  private static SpeechException.Kind kindOf(int status) {
    return SpeechErrors.forStatus("OpenAI", "transcription", status, null, "", null, NOW).getKind();
  }
}
