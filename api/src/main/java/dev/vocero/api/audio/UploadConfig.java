package dev.vocero.api.audio;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Min;

/** {@code uploads:} section: how big an audio may be and where uploads are staged while they stream in. */
public class UploadConfig {
  @Min(1) @JsonProperty private long maxBytes = 100L * 1024 * 1024;
  /** Largest body of any other request (JSON, provider webhooks): refused with 413 while it streams in. */
  @Min(1024) @JsonProperty private long maxRequestBytes = 1024 * 1024;
  /** Staging directory for uploads in flight; empty means the system temp directory. */
  @JsonProperty private String stagingDir;

  public long getMaxBytes() {
    return maxBytes;
  }

  public void setMaxBytes(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  public long getMaxRequestBytes() {
    return maxRequestBytes;
  }

  public String getStagingDir() {
    return stagingDir;
  }

  public void setStagingDir(String stagingDir) {
    this.stagingDir = stagingDir;
  }
}
