package dev.vocero.activities.speech;

/**
 * One piece of a long audio, in samples: {@code start} includes the overlap with the previous piece, {@code boundary}
 * is where the previous piece ended (text before it was already transcribed), {@code end} is exclusive.
 */
public record Chunk(int index, int start, int boundary, int end) {

  public long startMs() {
    return Pcm16k.toMs(start);
  }

  public long boundaryMs() {
    return Pcm16k.toMs(boundary);
  }
}
