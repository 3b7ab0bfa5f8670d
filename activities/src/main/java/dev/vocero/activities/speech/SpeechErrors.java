package dev.vocero.activities.speech;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * Turns provider HTTP failures into {@link SpeechException}s with operator-friendly, secret-free messages. Its
 * Retry-After and provider-message helpers are shared with the language-model adapters.
 */
public final class SpeechErrors {

  static final int MAX_PROVIDER_MESSAGE = 300;
  private static final Pattern KEY_LIKE = Pattern.compile("(sk-[A-Za-z0-9_*.\\-]{3,}|AIza[A-Za-z0-9_\\-]{10,})");

  private SpeechErrors() {
  }

  static SpeechException forStatus(String provider, String step, int status, String retryAfterHeader,
                   String body, String apiKey, Clock clock) {
    String said = providerMessage(body, apiKey);
    String saidPart = said.isEmpty() ? "" : " Provider said: " + said;
    if (status == 429 || status == 408 || status >= 500) {
      Duration retryAfter = parseRetryAfter(retryAfterHeader, clock);
      String when = retryAfter == null ? "" : " after " + retryAfter.toSeconds() + " s as the provider asked";
      String why = status == 429 ? "rate limit or quota exceeded" : "temporary provider problem";
      String advice = status == 429
          ? " If this keeps happening, check the provider account's quota and billing." : "";
      return new SpeechException(SpeechException.Kind.RETRYABLE, status, retryAfter,
          String.format("%s returned HTTP %d (%s) during %s. The activity will be retried%s.%s%s",
              provider, status, why, step, when, advice, saidPart), null);
    }
    if (status == 401 || status == 403 || (status == 400 && looksLikeBadKey(body))) {
      return new SpeechException(SpeechException.Kind.UNAUTHORIZED, status, null, String.format(
          "%s returned HTTP %d during %s: the credentials were refused. Check speech.apiKey (set, current, "
              + "and allowed to use speech.model).%s", provider, status, step, saidPart), null);
    }
    if (status == 413) {
      return new SpeechException(SpeechException.Kind.TOO_LARGE, status, null, String.format(
          "%s returned HTTP 413 during %s: the audio is too large for this provider (OpenAI accepts up to "
              + "25 MB). Compress it (mono 16 kHz mp3/opus), split it, or use speech.provider=gemini, "
              + "which uploads large files.%s", provider, step, saidPart), null);
    }
    if (status == 404) {
      return new SpeechException(SpeechException.Kind.REJECTED, status, null, String.format(
          "%s returned HTTP 404 during %s: check speech.baseUrl and speech.model.%s",
          provider, step, saidPart), null);
    }
    if (status >= 400 && status < 500) {
      return new SpeechException(SpeechException.Kind.REJECTED, status, null, String.format(
          "%s rejected the request with HTTP %d during %s. Check the audio file and its content type, "
              + "speech.model and speech.language; retrying will not help.%s",
          provider, status, step, saidPart), null);
    }
    return new SpeechException(SpeechException.Kind.REJECTED, status, null, String.format(
        "%s answered with unexpected HTTP %d during %s: check that speech.baseUrl points at the provider's "
            + "API.%s",
        provider, status, step, saidPart), null);
  }

  /** The provider's own error text, at most {@value #MAX_PROVIDER_MESSAGE} chars, with anything key-like removed. */
  public static String providerMessage(String body, String apiKey) {
    if (body == null || body.isBlank()) {
      return "";
    }
    String text = body;
    try {
      JsonNode json = SpeechJson.MAPPER.readTree(body);
      JsonNode error = json.path("error");
      if (error.isObject() && error.path("message").isTextual()) {
        text = error.path("message").asText();
      } else if (error.isTextual()) {
        text = error.asText();
      } else if (json.path("detail").isTextual()) {
        text = json.path("detail").asText();
      } else if (json.path("message").isTextual()) {
        text = json.path("message").asText();
      }
    } catch (Exception notJson) {
      // plain-text or HTML error pages are used as they are
    }
    if (apiKey != null && !apiKey.isBlank()) {
      text = text.replace(apiKey, "[redacted]");
    }
    text = KEY_LIKE.matcher(text).replaceAll("[redacted]").replaceAll("\\s+", " ").trim();
    return text.length() <= MAX_PROVIDER_MESSAGE ? text : text.substring(0, MAX_PROVIDER_MESSAGE) + "...";
  }

  /** RFC 9110 Retry-After: delay-seconds or an HTTP-date; null when absent or unparseable. */
  public static Duration parseRetryAfter(String value, Clock clock) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.trim();
    try {
      return v.chars().allMatch(Character::isDigit) ? Duration.ofSeconds(Long.parseLong(v)) : untilDate(v, clock);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static Duration untilDate(String httpDate, Clock clock) {
    ZonedDateTime at = ZonedDateTime.parse(httpDate, DateTimeFormatter.RFC_1123_DATE_TIME);
    Duration wait = Duration.between(clock.instant(), at.toInstant());
    return wait.isNegative() ? Duration.ZERO : wait;
  }

  private static boolean looksLikeBadKey(String body) {
    return body != null && (body.contains("API_KEY_INVALID") || body.contains("API key not valid"));
  }
}
