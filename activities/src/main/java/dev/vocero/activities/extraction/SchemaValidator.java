package dev.vocero.activities.extraction;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;
import dev.vocero.domain.extraction.ExtractorSchemaRules;
import java.io.UncheckedIOException;
import java.util.List;

/** Validates model answers against an extractor's JSON Schema (draft 2020-12) on our side; compiled schemas are cached. */
final class SchemaValidator {

  static final int MAX_ERRORS = 10;

  private static final ObjectMapper JSON = new ObjectMapper();
  private final Cache<String, JsonSchema> compiled = Caffeine.newBuilder().maximumSize(500).build();

  /** The violations, at most {@value #MAX_ERRORS}, each as {@code $.path: what is wrong}; empty when valid. */
  List<String> errors(String schemaJson, JsonNode answer) {
    JsonSchema schema = compiled.get(schemaJson, SchemaValidator::compile);
    return schema.validate(answer).stream()
        .map(ValidationMessage::getMessage)
        .sorted()
        .limit(MAX_ERRORS)
        .toList();
  }

  /** Stored schemas passed the API's checks; they are checked again so one stored before those checks cannot harm. */
  private static JsonSchema compile(String text) {
    try {
      JsonNode node = JSON.readTree(text);
      List<ExtractorSchemaRules.Problem> problems = ExtractorSchemaRules.problems(node);
      if (!problems.isEmpty()) {
        throw new IllegalArgumentException("unsafe extractor schema at " + problems.get(0).path() + ": "
            + problems.get(0).message());
      }
      return ExtractorSchemaRules.compile(node);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
