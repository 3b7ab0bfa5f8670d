package dev.vocero.domain.spreadsheets;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.Locale;

/**
 * How to read an upload.
 *
 * @param defaultRegion ISO 3166 alpha-2 region for phone numbers written without a country code, e.g. "CO"
 * @param maxRows data rows allowed (header excluded); a file with more is refused whole
 * @param maxBytes upload size allowed, checked while the upload is copied to a temp file
 * @param limits columns, cell and row lengths and shared strings allowed, checked while the sheet streams
 */
public record ImportOptions(String defaultRegion, int maxRows, long maxBytes, SheetLimits limits) {
  public static final int DEFAULT_MAX_ROWS = 100_000;
  public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;

  public ImportOptions {
    if (defaultRegion == null) {
      throw new IllegalArgumentException("defaultRegion is required");
    }
    defaultRegion = defaultRegion.strip().toUpperCase(Locale.ROOT);
    if (!PhoneNumberUtil.getInstance().getSupportedRegions().contains(defaultRegion)) {
      throw new IllegalArgumentException("unknown phone region: " + defaultRegion);
    }
    if (maxRows < 1) {
      throw new IllegalArgumentException("maxRows must be positive");
    }
    if (maxBytes < 1) {
      throw new IllegalArgumentException("maxBytes must be positive");
    }
    if (limits == null) {
      throw new IllegalArgumentException("limits are required");
    }
  }

  public ImportOptions(String defaultRegion, int maxRows, long maxBytes) {
    this(defaultRegion, maxRows, maxBytes, SheetLimits.DEFAULTS);
  }

  public static ImportOptions defaults(String region) {
    return new ImportOptions(region, DEFAULT_MAX_ROWS, DEFAULT_MAX_BYTES);
  }
}
