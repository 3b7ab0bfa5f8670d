package dev.vocero.activities.speech;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Transcribes planned chunks in order: each call gets the previous text as context, its timestamps are shifted by
 * the chunk's offset, text repeated from the overlap is dropped, and progress is checkpointed after every chunk so a
 * retried attempt starts at the first chunk not yet done.
 */
public final class ChunkRunner {

  static final int CONTEXT_CHARS = 200;
  private static final int MAX_OVERLAP_WORDS = 12;
  private static final long OVERLAP_TOLERANCE_MS = 100;

  /** Transcribes one chunk; timestamps in the answer are relative to the chunk's start. */
  @FunctionalInterface
  public interface ChunkCall {
    Transcript transcribe(Chunk chunk, String languageHint, String previousText);
  }

  private ChunkRunner() {
  }

  public static Transcript run(String audioKey, List<Chunk> chunks, long durationMs, String languageHint,
                               Checkpoints checkpoints, UnaryOperator<String> textFilter, ChunkCall call) {
    ChunkCheckpoint done = checkpoints.last().filter(c -> c.resumes(audioKey, chunks.size()))
        .orElse(new ChunkCheckpoint(audioKey, chunks.size(), 0, null, List.of()));
    List<Segment> segments = new ArrayList<>(done.segments());
    String language = done.language();
    for (int i = done.nextChunk(); i < chunks.size(); i++) {
      Chunk chunk = chunks.get(i);
      String hint = languageHint != null ? languageHint : language;
      Transcript part = call.transcribe(chunk, hint, previousText(segments));
      if (language == null) {
        language = part.language();
      }
      append(segments, part.segments(), chunk, textFilter);
      checkpoints.save(new ChunkCheckpoint(audioKey, chunks.size(), i + 1, language, segments));
    }
    return new Transcript(language, durationMs, segments);
  }

  static void append(List<Segment> into, List<Segment> relative, Chunk chunk, UnaryOperator<String> textFilter) {
    long lastEnd = into.isEmpty() ? 0 : into.get(into.size() - 1).endMs();
    boolean first = true;
    for (Segment s : relative) {
      long start = s.startMs() + chunk.startMs();
      long end = Math.max(start, s.endMs() + chunk.startMs());
      if (chunk.index() > 0 && end <= chunk.boundaryMs() + OVERLAP_TOLERANCE_MS) {
        continue; // heard entirely inside the overlap: the previous chunk already has it
      }
      String text = s.text();
      if (first && chunk.index() > 0 && start < chunk.boundaryMs()) {
        text = withoutRepeatedWords(previousText(into), text);
      }
      first = false;
      if (text.isBlank()) {
        continue;
      }
      start = Math.max(start, lastEnd);
      end = Math.max(end, start);
      into.add(new Segment(start, end, textFilter.apply(text.trim()), s.speaker(), s.confidence()));
      lastEnd = end;
    }
  }

  /** Drops the longest run of leading words of {@code text} that repeats the trailing words of {@code before}. */
  static String withoutRepeatedWords(String before, String text) {
    String[] tail = before.trim().split("\\s+");
    String[] head = text.trim().split("\\s+");
    for (int n = Math.min(MAX_OVERLAP_WORDS, Math.min(tail.length, head.length)); n > 0; n--) {
      boolean same = true;
      for (int k = 0; k < n && same; k++) {
        same = word(tail[tail.length - n + k]).equals(word(head[k])) && !word(head[k]).isEmpty();
      }
      if (same) {
        return String.join(" ", java.util.Arrays.copyOfRange(head, n, head.length));
      }
    }
    return text;
  }

  /** The last words transcribed, at most {@value #CONTEXT_CHARS} characters, cut at a word; null at the start. */
  static String previousText(List<Segment> segments) {
    StringBuilder text = new StringBuilder();
    for (int i = segments.size() - 1; i >= 0 && text.length() < CONTEXT_CHARS; i--) {
      text.insert(0, segments.get(i).text() + " ");
    }
    String all = text.toString().trim();
    if (all.length() <= CONTEXT_CHARS) {
      return all.isEmpty() ? null : all;
    }
    String cut = all.substring(all.length() - CONTEXT_CHARS);
    int space = cut.indexOf(' ');
    return space < 0 ? cut : cut.substring(space + 1);
  }

  private static String word(String w) {
    return w.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
  }
}
