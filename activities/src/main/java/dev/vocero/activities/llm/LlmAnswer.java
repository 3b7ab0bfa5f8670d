package dev.vocero.activities.llm;

/**
 * A completion.
 *
 * @param text     the answer (JSON text for structured requests)
 * @param provider which provider of the chain answered, e.g. {@code openai}
 * @param model    the model id the provider reported or was asked for
 * @param inputTokens  prompt tokens as reported, 0 when unknown
 * @param outputTokens completion tokens as reported, 0 when unknown
 * @param cached   true when the answer came from the cache of identical requests
 */
public record LlmAnswer(String text, String provider, String model, int inputTokens, int outputTokens,
    boolean cached) {

  public LlmAnswer asCached() {
    return new LlmAnswer(text, provider, model, inputTokens, outputTokens, true);
  }
}
