package dev.vocero.activities.speech;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The {@code language} parameter for whisper.cpp: the hint or the configured language as an ISO-639-1 code, else
 * {@code auto}. whisper-jni defaults to {@code en}, which would translate-by-accident any other language, so the
 * value is always set explicitly.
 */
final class WhisperLanguage {

  static final String AUTO = "auto";
  private static final Pattern CODE = Pattern.compile("[a-z]{2,3}");

  private WhisperLanguage() {
  }

  static String param(String hint, String configured) {
    String picked = Languages.pick(hint, configured);
    if (picked == null || picked.equals(AUTO)) {
      return AUTO;
    }
    String primary = picked.split("[-_]")[0].toLowerCase(Locale.ROOT); // es-MX -> es
    if (!CODE.matcher(primary).matches()) {
      throw new SpeechException(SpeechException.Kind.REJECTED, "The language '" + picked + "' is not an ISO-639-1 "
          + "code whisper.cpp knows. Use a code such as es or en, or leave it empty (auto) to detect it.");
    }
    return primary;
  }
}
