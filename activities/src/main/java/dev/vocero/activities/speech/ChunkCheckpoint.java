package dev.vocero.activities.speech;

import java.util.List;

/**
 * Progress of a chunked transcription, sent as heartbeat details: the next chunk to transcribe and the segments of
 * the chunks before it (already filtered, e.g. redacted). {@code audioKey} and {@code chunkCount} tie it to one audio
 * and one chunk plan, so a checkpoint from other audio or other settings is ignored.
 */
public record ChunkCheckpoint(String audioKey, int chunkCount, int nextChunk, String language, List<Segment> segments) {

  public ChunkCheckpoint {
    segments = segments == null ? List.of() : List.copyOf(segments);
  }

  boolean resumes(String key, int chunks) {
    return audioKey != null && audioKey.equals(key) && chunkCount == chunks && nextChunk >= 0 && nextChunk <= chunks;
  }
}
