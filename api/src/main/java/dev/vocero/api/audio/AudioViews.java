package dev.vocero.api.audio;

import dev.vocero.store.audio.AudioRow;
import dev.vocero.store.audio.OpportunityRow;
import dev.vocero.store.audio.SegmentRow;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Response bodies of /api/v1/audios. */
public final class AudioViews {
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

  public record Page(List<Summary> items, int page, int pageSize, long total) {}

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

  public record Detail(UUID id, String title, String filename, String contentType, long sizeBytes, String sha256,
      String status, String requestedLanguage, String language, Long durationMs, String failureReason,
      String speechProvider, Instant createdAt, Instant updatedAt, Instant completedAt, List<Segment> segments,
      List<Opportunity> opportunities) {
    public static Detail of(AudioRow a, List<SegmentRow> segments, List<OpportunityRow> opportunities) {
      return new Detail(a.id(), a.title(), a.originalFilename(), a.contentType(), a.sizeBytes(), a.sha256(), a.status(),
          a.requestedLanguage(), a.language(), a.durationMs(), a.failureReason(), a.speechProvider(), a.createdAt(),
          a.updatedAt(), a.completedAt(), segments.stream().map(Segment::of).toList(),
          opportunities.stream().map(Opportunity::of).toList());
    }
  }
}
