package dev.vocero.activities.extraction;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vocero.activities.llm.LanguageModel;
import dev.vocero.activities.llm.LanguageModelException;
import dev.vocero.activities.llm.LlmAnswer;
import dev.vocero.activities.llm.LlmRequest;
import dev.vocero.store.audio.SegmentRow;
import dev.vocero.store.extraction.ExtractorRow;
import java.util.List;
import java.util.Set;

/**
 * Asks the language model for one extractor's JSON, validates it against the extractor's schema and gives an invalid
 * answer exactly one repair attempt. Transient model failures are thrown (the activity retries); everything else is
 * an {@link ExtractionResult} to record.
 */
final class StructuredExtractor {

  private static final Set<LanguageModelException.Kind> RETRYABLE =
      Set.of(LanguageModelException.Kind.TRANSIENT, LanguageModelException.Kind.UNAVAILABLE);

  private final LanguageModel model;
  private final ObjectMapper json;
  private final ExtractionPrompt prompts;
  private final SchemaValidator validator = new SchemaValidator();

  StructuredExtractor(LanguageModel model, ObjectMapper json) {
    this.model = model;
    this.json = json;
    this.prompts = new ExtractionPrompt(json);
  }

  /** @throws LanguageModelException only when retrying later may help (transient, unavailable) */
  ExtractionResult run(ExtractorRow extractor, List<SegmentRow> segments, String language) {
    JsonNode schema = parse(extractor.jsonSchema());
    LlmRequest request = prompts.first(extractor, schema, segments, language);
    LlmAnswer first;
    try {
      first = model.complete(request);
    } catch (LanguageModelException e) {
      return failedUnlessRetryable(e, 0);
    }
    List<String> errors = check(extractor, first.text());
    if (errors.isEmpty()) {
      return ok(first, 1);
    }
    LlmAnswer second;
    try {
      second = model.complete(prompts.repair(request, first.text(), errors));
    } catch (LanguageModelException e) {
      return failedUnlessRetryable(e, 1);
    }
    List<String> stillWrong = check(extractor, second.text());
    if (stillWrong.isEmpty()) {
      return ok(second, 2);
    }
    return new ExtractionResult(ExtractionResult.INVALID, null, second.provider(), second.model(),
        "the model's answer did not match the schema, even after one repair: " + String.join("; ", stillWrong), 2);
  }

  private List<String> check(ExtractorRow extractor, String answer) {
    JsonNode parsed;
    try {
      parsed = json.readTree(unfenced(answer));
    } catch (JsonProcessingException e) {
      return List.of("the answer is not valid JSON (" + e.getOriginalMessage() + ")");
    }
    if (parsed == null || parsed.isMissingNode()) {
      return List.of("the answer is empty; a JSON object is required");
    }
    return validator.errors(extractor.jsonSchema(), parsed);
  }

  private ExtractionResult ok(LlmAnswer answer, int answers) {
    String normalized = parse(unfenced(answer.text())).toString();
    return new ExtractionResult(ExtractionResult.OK, normalized, answer.provider(), answer.model(), null, answers);
  }

  private static ExtractionResult failedUnlessRetryable(LanguageModelException e, int answers) {
    if (RETRYABLE.contains(e.kind())) {
      throw e;
    }
    String status = e.kind() == LanguageModelException.Kind.NOT_CONFIGURED ? ExtractionResult.SKIPPED
        : ExtractionResult.FAILED;
    return new ExtractionResult(status, null, null, null, e.getMessage(), answers);
  }

  /** Models in plain JSON mode sometimes wrap the object in a Markdown code fence. */
  private static String unfenced(String text) {
    String t = text.strip();
    if (t.startsWith("```")) {
      int firstLine = t.indexOf('\n');
      int closing = t.lastIndexOf("```");
      if (firstLine > 0 && closing > firstLine) {
        return t.substring(firstLine + 1, closing).strip();
      }
    }
    return t;
  }

  private JsonNode parse(String text) {
    try {
      return json.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored JSON could not be parsed", e);
    }
  }
}
