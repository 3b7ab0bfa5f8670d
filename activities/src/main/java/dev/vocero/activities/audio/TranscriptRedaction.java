package dev.vocero.activities.audio;

import dev.vocero.activities.redaction.PiiRedactor;
import dev.vocero.activities.redaction.PiiType;
import dev.vocero.store.accounts.PrivacySettings;
import dev.vocero.store.audio.SegmentRow;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/** The organization's redaction as a text filter, and the placeholder counts of a stored transcript. */
final class TranscriptRedaction {

  private final PiiRedactor redactor;

  private TranscriptRedaction(PiiRedactor redactor) {
    this.redactor = redactor;
  }

  static TranscriptRedaction of(PrivacySettings settings) {
    return new TranscriptRedaction(settings.piiRedaction() ? new PiiRedactor(settings.piiPhoneRegion()) : null);
  }

  boolean enabled() {
    return redactor != null;
  }

  UnaryOperator<String> filter() {
    return redactor == null ? UnaryOperator.identity() : text -> redactor.redact(text).text();
  }

  /**
   * Counts placeholders in the final text rather than replacements made, so chunks redacted by an earlier attempt
   * (resumed from a checkpoint) are counted too.
   */
  static Map<String, Integer> counts(List<SegmentRow> segments) {
    Map<String, Integer> counts = new TreeMap<>();
    for (PiiType type : PiiType.values()) {
      int n = 0;
      for (SegmentRow s : segments) {
        for (int at = s.text().indexOf(type.placeholder()); at >= 0;
             at = s.text().indexOf(type.placeholder(), at + 1)) {
          n++;
        }
      }
      counts.put(type.wire(), n);
    }
    return counts;
  }
}
