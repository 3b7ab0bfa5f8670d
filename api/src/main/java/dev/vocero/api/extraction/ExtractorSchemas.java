package dev.vocero.api.extraction;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.SchemaId;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.ValidationMessage;
import dev.vocero.api.errors.ApiError;
import dev.vocero.api.errors.ApiException;
import dev.vocero.domain.extraction.ExtractorSchemaRules;
import java.util.List;

/** Checks that a submitted extractor schema is a JSON Schema (draft 2020-12) that providers can answer. */
final class ExtractorSchemas {

  static final int MAX_SCHEMA_CHARS = 20_000;

  private final JsonSchema metaSchema = ExtractorSchemaRules.factory().getSchema(SchemaLocation.of(SchemaId.V202012));

  /** @throws ApiException 422 {@code invalid_schema} with one detail per problem */
  void check(JsonNode schema) {
    if (schema == null || !schema.isObject()) {
      throw invalid("schema must be a JSON object (a JSON Schema)", List.of());
    }
    if (schema.toString().length() > MAX_SCHEMA_CHARS) {
      throw invalid("schema is longer than " + MAX_SCHEMA_CHARS + " characters", List.of());
    }
    List<ApiError.Detail> unsafe = ExtractorSchemaRules.problems(schema).stream()
        .map(p -> new ApiError.Detail("schema" + p.path().substring(1), p.code(), p.message()))
        .toList();
    if (!unsafe.isEmpty()) {
      throw invalid("schema cannot be used as it is", unsafe);
    }
    List<ApiError.Detail> problems = metaSchema.validate(schema).stream()
        .sorted((a, b) -> a.getMessage().compareTo(b.getMessage()))
        .limit(20)
        .map(ExtractorSchemas::detail)
        .toList();
    if (!problems.isEmpty()) {
      throw invalid("schema is not a valid JSON Schema (draft 2020-12)", problems);
    }
    if (!"object".equals(schema.path("type").asText())) {
      throw invalid("schema must describe an object at the top level (\"type\": \"object\"): language models answer "
          + "with one JSON object", List.of());
    }
    try {
      ExtractorSchemaRules.compile(schema);
    } catch (RuntimeException e) {
      throw invalid("schema could not be compiled: " + e.getMessage(), List.of());
    }
  }

  private static ApiError.Detail detail(ValidationMessage message) {
    String at = message.getInstanceLocation() == null ? "$" : message.getInstanceLocation().toString();
    return new ApiError.Detail("schema" + at.substring(1), message.getType(), message.getMessage());
  }

  private static ApiException invalid(String message, List<ApiError.Detail> details) {
    return new ApiException(422, "invalid_schema", "The extractor's " + message + ".", details, null);
  }
}
