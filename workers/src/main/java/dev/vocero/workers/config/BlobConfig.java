package dev.vocero.workers.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotEmpty;

/** {@code blobs:} section: the Camel endpoint audio files are stored under. */
public class BlobConfig {
  /** A Camel endpoint URI; {@code file:/var/lib/vocero/blobs} by default. */
  @NotEmpty @JsonProperty private String endpoint = "file:./vocero-data/blobs";

  public String getEndpoint() {
    return endpoint;
  }

  public void setEndpoint(String endpoint) {
    this.endpoint = endpoint;
  }
}
