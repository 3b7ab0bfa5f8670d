package dev.vocero.activities.llm;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the language model the configuration describes; call once at start-up. */
public final class LanguageModels {

  private static final Logger LOG = LoggerFactory.getLogger(LanguageModels.class);

  private LanguageModels() {
  }

  /** {@link NotConfiguredLanguageModel} without providers, otherwise a {@link LanguageModelChain} over them. */
  public static LanguageModel create(List<ProviderSettings> providers, ChainSettings chain) {
    if (providers.isEmpty()) {
      LOG.info("language model: none configured (extraction is skipped, chat answers with passages only)");
      return new NotConfiguredLanguageModel();
    }
    List<LanguageModel> models = new ArrayList<>();
    for (ProviderSettings provider : providers) {
      models.add(switch (provider.type()) {
        case ProviderSettings.OPENAI -> new OpenAiChatModel(provider);
        case ProviderSettings.GEMINI -> new GeminiChatModel(provider);
        default -> throw new IllegalArgumentException("llm.providers: unknown type '" + provider.type()
            + "' for provider " + provider.name() + "; use openai (any OpenAI-compatible server) or gemini");
      });
      LOG.info("language model: {}", provider.describe());
    }
    return new LanguageModelChain(models, chain);
  }
}
