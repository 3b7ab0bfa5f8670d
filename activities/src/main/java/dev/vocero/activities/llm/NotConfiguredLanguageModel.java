package dev.vocero.activities.llm;

/** Used when no language model is configured: every call fails with a message that says how to configure one. */
public final class NotConfiguredLanguageModel implements LanguageModel {

  @Override
  public String provider() {
    return "none";
  }

  @Override
  public boolean configured() {
    return false;
  }

  @Override
  public LlmAnswer complete(LlmRequest request) {
    throw new LanguageModelException(LanguageModelException.Kind.NOT_CONFIGURED,
        "no language model is configured: set llm.providers in the configuration (see docs/features/extraction.md)");
  }
}
