package dev.vocero.activities.llm;

/**
 * Port for chat language models (OpenAI-compatible chat completions, Gemini). Implementations classify
 * failures with {@link LanguageModelException} and never retry on their own: retries, fallback across
 * providers and circuit breaking belong to the chain that wraps them.
 */
public interface LanguageModel {

  /** The provider that would answer, e.g. {@code openai}, {@code gemini}, {@code none}. */
  String provider();

  /** Whether a real model is configured; the chat degrades to "best passages only" when it is not. */
  default boolean configured() {
    return true;
  }

  /**
   * Completes the conversation. With {@link LlmRequest#jsonSchema()} set the answer text is JSON that the
   * provider was asked to shape by the schema; the caller still validates it.
   *
   * @throws LanguageModelException classified by {@link LanguageModelException.Kind}
   */
  LlmAnswer complete(LlmRequest request);
}
