package dev.vocero.api.console;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The console's words in Spanish and English ({@code console/messages_*.properties}, UTF-8). */
public final class ConsoleText {
  public static final List<String> LANGUAGES = List.of("es", "en");
  private final Map<String, ResourceBundle> bundles = Map.of(
      "es", ResourceBundle.getBundle("console.messages", Locale.forLanguageTag("es"), NO_FALLBACK),
      "en", ResourceBundle.getBundle("console.messages", Locale.ENGLISH, NO_FALLBACK));
  private static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  public String get(String lang, String key, Object... args) {
    ResourceBundle bundle = bundles.getOrDefault(lang, bundles.get("en"));
    String text;
    try {
      text = bundle.getString(key);
    } catch (MissingResourceException e) {
      return key;
    }
    return args.length == 0 ? text : new MessageFormat(text, bundle.getLocale()).format(args);
  }

  /** The cookie's choice when it names a known language, else the browser's first known one, else English. */
  public static String choose(String cookie, List<Locale> acceptable) {
    if (cookie != null && LANGUAGES.contains(cookie)) {
      return cookie;
    }
    return acceptable.stream().map(Locale::getLanguage).filter(LANGUAGES::contains).findFirst().orElse("en");
  }
}
