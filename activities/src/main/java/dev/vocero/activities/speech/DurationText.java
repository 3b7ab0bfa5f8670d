package dev.vocero.activities.speech;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses config durations: {@code 10s}, {@code 500ms}, {@code 5m}, {@code 1h}, {@code 30} (seconds) or {@code PT10S}. */
final class DurationText {

  private static final Pattern SIMPLE = Pattern.compile(
      "(\\d+)\\s*(ms|millis|milliseconds?|s|secs?|seconds?|m|mins?|minutes?|h|hours?)?");

  private DurationText() {
  }

  static Duration parse(String text, String key) {
    if (text == null || text.isBlank()) {
      throw invalid(text, key);
    }
    String value = text.trim().toLowerCase(Locale.ROOT);
    Duration parsed;
    if (value.startsWith("p")) {
      try {
        parsed = Duration.parse(value.toUpperCase(Locale.ROOT));
      } catch (RuntimeException e) {
        throw invalid(text, key);
      }
    } else {
      Matcher m = SIMPLE.matcher(value);
      if (!m.matches()) {
        throw invalid(text, key);
      }
      parsed = of(Long.parseLong(m.group(1)), m.group(2) == null ? "s" : m.group(2));
    }
    if (parsed.isNegative() || parsed.isZero()) {
      throw invalid(text, key);
    }
    return parsed;
  }

  private static Duration of(long amount, String unit) {
    if (unit.equals("ms") || unit.startsWith("milli")) {
      return Duration.ofMillis(amount);
    }
    if (unit.startsWith("s")) {
      return Duration.ofSeconds(amount);
    }
    return unit.startsWith("m") ? Duration.ofMinutes(amount) : Duration.ofHours(amount);
  }

  private static IllegalArgumentException invalid(String text, String key) {
    return new IllegalArgumentException("speech." + key + " must be a positive duration such as 10s, 500ms, 5m, 1h "
        + "or PT10S, but was '" + text + "'");
  }
}
