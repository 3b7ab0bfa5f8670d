package dev.vocero.activities.speech;

/**
 * Near-silence test over 16 kHz samples in [-1, 1]: audio is silent when no 100 ms frame reaches the threshold
 * (RMS in dBFS). Whisper models invent text for silence ("Gracias por ver el video"), so silence is never sent.
 */
public final class SilenceGate {

  public static final double DEFAULT_THRESHOLD_DBFS = -45.0;
  private static final int FRAME = Pcm16k.RATE / 10;

  private final double thresholdDbfs;

  public SilenceGate(double thresholdDbfs) {
    if (thresholdDbfs >= 0 || Double.isNaN(thresholdDbfs)) {
      throw new IllegalArgumentException("speech.whisperLocal.silenceThresholdDbfs must be negative (dBFS), such as "
          + DEFAULT_THRESHOLD_DBFS + ", but was " + thresholdDbfs);
    }
    this.thresholdDbfs = thresholdDbfs;
  }

  public boolean silent(float[] samples) {
    return silent(samples, 0, samples.length);
  }

  /** True when every 100 ms frame of [from, to) is below the threshold. */
  public boolean silent(float[] samples, int from, int to) {
    return loudestFrameDbfs(samples, Math.max(0, from), Math.min(samples.length, to)) < thresholdDbfs;
  }

  static double loudestFrameDbfs(float[] samples, int from, int to) {
    double loudest = 0;
    for (int start = from; start < to; start += FRAME) {
      int end = Math.min(to, start + FRAME);
      double sum = 0;
      for (int i = start; i < end; i++) {
        sum += (double) samples[i] * samples[i];
      }
      loudest = Math.max(loudest, Math.sqrt(sum / (end - start)));
    }
    return loudest == 0 ? Double.NEGATIVE_INFINITY : 20 * Math.log10(loudest);
  }
}
