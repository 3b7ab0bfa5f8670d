package dev.vocero.api.codec;

import dev.vocero.api.validation.NoNul;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/** The Temporal remote codec's wire format: payloads with base64 metadata values and data (protobuf JSON). */
@Schema(description = "Temporal payloads as the Web UI and the temporal CLI send them to a remote codec.")
public record CodecPayloads(@NotNull @Size(max = CodecPayloads.MAX_PAYLOADS) List<@NotNull @Valid Payload> payloads) {
  static final int MAX_PAYLOADS = 1000;

  /** One payload; an absent {@code data} or {@code metadata} is empty, as protobuf JSON leaves empty fields out. */
  public record Payload(
      @Schema(description = "metadata key to base64 value, e.g. encoding: YmluYXJ5L2VuY3J5cHRlZA==")
      @Size(max = 100) Map<@NoNul @Size(max = 200) String, String> metadata,
      @Schema(description = "base64 data", nullable = true) String data) {}
}
