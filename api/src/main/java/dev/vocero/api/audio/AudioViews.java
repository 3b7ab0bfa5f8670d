package dev.vocero.api.audio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vocero.store.audio.AudioRow;
import dev.vocero.store.audio.OpportunityRow;
import dev.vocero.store.audio.SegmentRow;
import dev.vocero.store.extraction.ExtractionRow;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Response bodies of /api/v1/audios. */
public final class AudioViews {
  /** Only parses stored JSON (extraction results) into trees; needs no configuration. */
  private static final ObjectMapper JSON = new ObjectMapper();

  private AudioViews() {}

  public record Accepted(UUID id, String status, boolean duplicate) {}

  public record Reprocessing(UUID id, String status, int pass) {}

  public record Summary(UUID id, String title, String filename, String contentType, long sizeBytes, String status,
      String language, Long durationMs, String failureReason, Instant createdAt, Instant updatedAt, Instant completedAt) {
    public static Summary of(AudioRow a) {
      return new Summary(a.id(), a.title(), a.originalFilename(), a.contentType(), a.sizeBytes(), a.status(),
          a.language(), a.durationMs(), a.failureReason(), a.createdAt(), a.updatedAt(), a.completedAt());
    }
  }


  public record Segment(int index, long startMs, long endMs, String speaker, String text, Float confidence) {
    static Segment of(SegmentRow s) {
      return new Segment(s.idx(), s.startMs(), s.endMs(), s.speaker(), s.text(), s.confidence());
    }
  }

  public record Opportunity(String keyword, String matchedText, String topic, String priority, int segmentIndex,
      long startMs, long endMs, String textBefore, String textAfter) {
    static Opportunity of(OpportunityRow o) {
      return new Opportunity(o.keyword(), o.matchedText(), o.topic(), o.priority(), o.segmentIdx(), o.startMs(),
          o.endMs(), o.textBefore(), o.textAfter());
    }
  }

  /** What one extractor version produced: {@code status} ok, invalid, failed or skipped; {@code result} when ok. */
  public record Extraction(String extractor, int version, String status, JsonNode result, String provider,
      String model, String error, int answers, Instant createdAt) {
    static Extraction of(ExtractionRow e) {
      try {
        return new Extraction(e.extractor(), e.extractorVersion(), e.status(),
            e.result() == null ? null : JSON.readTree(e.result()), e.provider(), e.model(), e.error(), e.answers(),
            e.createdAt());
      } catch (JsonProcessingException ex) {
        throw new UncheckedIOException(ex);
      }
    }
  }

  public record Detail(UUID id, String title, String filename, String contentType, long sizeBytes, String sha256,
      String status, String requestedLanguage, String language, Long durationMs, String failureReason,
      String speechProvider, Instant createdAt, Instant updatedAt, Instant completedAt, List<Segment> segments,
      List<Opportunity> opportunities, List<Extraction> extractions) {
    public static Detail of(AudioRow a, List<SegmentRow> segments, List<OpportunityRow> opportunities,
        List<ExtractionRow> extractions) {
      return new Detail(a.id(), a.title(), a.originalFilename(), a.contentType(), a.sizeBytes(), a.sha256(), a.status(),
          a.requestedLanguage(), a.language(), a.durationMs(), a.failureReason(), a.speechProvider(), a.createdAt(),
          a.updatedAt(), a.completedAt(), segments.stream().map(Segment::of).toList(),
          opportunities.stream().map(Opportunity::of).toList(), extractions.stream().map(Extraction::of).toList());
    }
  }
}
