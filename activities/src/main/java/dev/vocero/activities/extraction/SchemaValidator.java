package dev.vocero.activities.extraction;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.List;

/** Validates model answers against an extractor's JSON Schema (draft 2020-12) on our side; compiled schemas are cached. */
final class SchemaValidator {

  static final int MAX_ERRORS = 10;

  private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
  private final Cache<String, JsonSchema> compiled = Caffeine.newBuilder().maximumSize(500).build();

  /** The violations, at most {@value #MAX_ERRORS}, each as {@code $.path: what is wrong}; empty when valid. */
  List<String> errors(String schemaJson, JsonNode answer) {
    JsonSchema schema = compiled.get(schemaJson, text -> factory.getSchema(text));
    return schema.validate(answer).stream()
        .map(ValidationMessage::getMessage)
        .sorted()
        .limit(MAX_ERRORS)
        .toList();
  }
}
