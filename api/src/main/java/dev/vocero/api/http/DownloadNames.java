package dev.vocero.api.http;

import java.text.Normalizer;
import java.util.Locale;

/** File names for downloads: ASCII only, so every browser and mail client keeps them as they are. */
public final class DownloadNames {
  private static final int MAX_SLUG = 60;

  private DownloadNames() {}

  /** "Cobranza Noviembre ñandú" → "cobranza-noviembre-nandu"; {@code fallback} when nothing is left. */
  public static String slug(String name, String fallback) {
    String bare = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
        .toLowerCase(Locale.ROOT);
    String slug = bare.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (slug.length() > MAX_SLUG) {
      slug = slug.substring(0, MAX_SLUG).replaceAll("-+$", "");
    }
    return slug.isEmpty() ? fallback : slug;
  }

  public static String attachment(String filename) {
    return "attachment; filename=\"" + filename + "\"";
  }
}
