package dev.vocero.activities.llm;

/** System text for providers that are not given the schema natively (JSON mode only, or no response format). */
final class SchemaPrompt {

  private SchemaPrompt() {
  }

  static String system(LlmRequest request, boolean schemaSentNatively) {
    String system = request.system() == null ? "" : request.system();
    if (!request.structured() || schemaSentNatively) {
      return system;
    }
    return (system.isEmpty() ? "" : system + "\n\n") + "Answer with one JSON object and nothing else (no prose, "
        + "no code fences). It must validate against this JSON Schema:\n" + request.jsonSchema().toString();
  }
}
