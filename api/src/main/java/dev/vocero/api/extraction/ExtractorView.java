package dev.vocero.api.extraction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vocero.store.extraction.ExtractorRow;
import java.io.UncheckedIOException;
import java.time.Instant;

/** An extractor as the API shows it: {@code version} is the one that runs, {@code schema} is its JSON Schema. */
public record ExtractorView(String name, int version, boolean enabled, String description, String instructions,
    JsonNode schema, Instant versionCreatedAt, Instant updatedAt) {

  static ExtractorView of(ExtractorRow row, ObjectMapper json) {
    try {
      return new ExtractorView(row.name(), row.version(), row.enabled(), row.description(), row.instructions(),
          json.readTree(row.jsonSchema()), row.createdAt(), row.updatedAt());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
