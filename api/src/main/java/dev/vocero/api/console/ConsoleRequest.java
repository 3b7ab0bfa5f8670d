package dev.vocero.api.console;

import dev.vocero.api.auth.VoceroPrincipal;
import dev.vocero.api.errors.ApiException;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;

/** What one console request knows: its language, who is signed in, and whether its CSRF token was checked. */
public final class ConsoleRequest {
  static final String PROPERTY = "vocero.console";

  private final ConsoleText text;
  private final String lang;
  private final ConsoleUser user;
  private final String path;
  private boolean csrfChecked;

  ConsoleRequest(ConsoleText text, String lang, ConsoleUser user, String path) {
    this.text = text;
    this.lang = lang;
    this.user = user;
    this.path = path;
  }

  public static ConsoleRequest of(ContainerRequestContext context) {
    return (ConsoleRequest) context.getProperty(PROPERTY);
  }

  public String t(String key, Object... args) {
    return text.get(lang, key, args);
  }

  /** A code's words when the bundle has them ({@code status.completed}), else the code itself. */
  public String label(String prefix, String code) {
    if (code == null) {
      return "";
    }
    String key = prefix + "." + code;
    String words = text.get(lang, key);
    return words.equals(key) ? code.replace('_', ' ') : words;
  }

  public String lang() {
    return lang;
  }

  public String otherLang() {
    return lang.equals("es") ? "en" : "es";
  }

  /** The language switch's address, back to this page afterwards. */
  public String switchLanguage() {
    return "/lang/" + otherLang() + "?next=" + java.net.URLEncoder.encode(path, StandardCharsets.UTF_8);
  }

  /** Milliseconds as m:ss, the way a player shows a position. */
  public static String clock(long millis) {
    long seconds = millis / 1000;
    return seconds / 60 + ":" + String.format("%02d", seconds % 60);
  }

  public String path() {
    return path;
  }

  public boolean section(String prefix) {
    return prefix.equals("/") ? path.equals("/") : path.startsWith(prefix);
  }

  public ConsoleUser user() {
    return user;
  }

  public VoceroPrincipal principal() {
    return user.principal();
  }

  public boolean canWrite() {
    return user != null && user.canWrite();
  }

  public String csrf() {
    return user == null ? "" : user.csrfToken();
  }

  /** Writes need an operator or an admin: the buttons are hidden from viewers, and the server refuses them anyway. */
  public void requireWrite() {
    if (!canWrite()) {
      throw new ApiException(403, "forbidden", t("error.forbidden"));
    }
  }

  /** A multipart form's CSRF field, checked here because the filter does not read multipart bodies. */
  public void requireCsrf(String formValue) {
    if (!csrfChecked && !matches(csrf(), formValue)) {
      throw new ApiException(403, "csrf", t("error.csrf"));
    }
  }

  void csrfChecked() {
    csrfChecked = true;
  }

  static boolean matches(String expected, String given) {
    return expected != null && !expected.isEmpty() && given != null
        && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
  }
}
