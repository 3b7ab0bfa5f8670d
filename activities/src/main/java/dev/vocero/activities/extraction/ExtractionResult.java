package dev.vocero.activities.extraction;

/**
 * What one extractor produced: {@code ok} with the validated JSON, {@code invalid} (two answers, neither valid) or
 * {@code failed} (no usable answer), with the reason.
 */
record ExtractionResult(String status, String resultJson, String provider, String model, String error, int answers) {

  static final String OK = "ok";
  static final String INVALID = "invalid";
  static final String FAILED = "failed";
  static final String SKIPPED = "skipped";
}
