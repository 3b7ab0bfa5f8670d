package dev.vocero.activities.speech;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The {@code speech.whisperLocal:} block: whisper.cpp run inside the worker through whisper-jni. */
public class WhisperLocalConfig {

  private String modelPath;
  private int threads;
  private double silenceThresholdDbfs = SilenceGate.DEFAULT_THRESHOLD_DBFS;

  /** A ggml model file such as {@code /models/ggml-base.bin} (see docs/features/audio.md for how to get one). */
  @JsonProperty
  public String getModelPath() {
    return modelPath;
  }

  @JsonProperty
  public void setModelPath(String modelPath) {
    this.modelPath = modelPath;
  }

  /** CPU threads per transcription; 0 (default) uses the available processors, at most 8. */
  @JsonProperty
  public int getThreads() {
    return threads;
  }

  @JsonProperty
  public void setThreads(int threads) {
    if (threads < 0) {
      throw new IllegalArgumentException("speech.whisperLocal.threads must be >= 0 but was " + threads);
    }
    this.threads = threads;
  }

  /** Audio whose every 100 ms frame is quieter than this (dBFS, default -45) is treated as silence. */
  @JsonProperty
  public double getSilenceThresholdDbfs() {
    return silenceThresholdDbfs;
  }

  @JsonProperty
  public void setSilenceThresholdDbfs(double silenceThresholdDbfs) {
    new SilenceGate(silenceThresholdDbfs); // validates
    this.silenceThresholdDbfs = silenceThresholdDbfs;
  }

  int resolvedThreads() {
    return threads > 0 ? threads : Math.min(8, Runtime.getRuntime().availableProcessors());
  }
}
