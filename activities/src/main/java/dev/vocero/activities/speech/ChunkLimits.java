package dev.vocero.activities.speech;

/** When and how to split: files over {@code maxUploadBytes} are sent as WAV chunks of at most {@code maxChunkMs}. */
public record ChunkLimits(long maxUploadBytes, long maxChunkMs, long overlapMs, long silenceSearchMs) {

  static final ChunkLimits NONE = new ChunkLimits(Long.MAX_VALUE, 600_000, 1_000, 30_000);
  // multipart framing and form fields around the file
  private static final long REQUEST_MARGIN_BYTES = 16 * 1024;
  private static final long WAV_HEADER_BYTES = 44;

  /** The chunk length whose 16 kHz 16-bit WAV (32 000 bytes/s) fits the upload cap with margin. */
  long chunkMsForWav() {
    if (maxUploadBytes == Long.MAX_VALUE) {
      return maxChunkMs;
    }
    long usable = (maxUploadBytes - REQUEST_MARGIN_BYTES - WAV_HEADER_BYTES) * 95 / 100;
    return Math.max(1_000, Math.min(maxChunkMs, usable * 1000 / (Pcm16k.RATE * 2L)));
  }
}
