package dev.vocero.workers.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.vocero.activities.llm.ChainSettings;
import dev.vocero.activities.llm.LanguageModel;
import dev.vocero.activities.llm.LanguageModels;
import dev.vocero.activities.llm.ProviderSettings;
import io.dropwizard.util.Duration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code llm:} section: the language models for extraction and chat, tried in order. Durations are Dropwizard
 * durations ({@code 10s}, {@code 500ms}, {@code 2m}, {@code 1h}).
 */
public class LlmConfig {
  @Valid @NotNull @JsonProperty private List<LlmProviderConfig> providers = new ArrayList<>();
  @NotNull @JsonProperty private Duration connectTimeout = Duration.seconds(10);
  @NotNull @JsonProperty private Duration requestTimeout = Duration.minutes(2);
  /** Identical requests answered from memory; 0 turns the cache off. */
  @Min(0) @JsonProperty private int cacheMaxEntries = 1000;
  @NotNull @JsonProperty private Duration cacheTtl = Duration.hours(1);
  @Min(1) @Max(100) @JsonProperty private int breakerFailureRatePercent = 50;
  @Min(1) @JsonProperty private int breakerWindowCalls = 10;
  @Min(1) @JsonProperty private int breakerMinimumCalls = 5;
  @NotNull @JsonProperty private Duration breakerOpenFor = Duration.seconds(30);
  @Min(1) @Max(10) @JsonProperty private int retryMaxAttempts = 3;
  @NotNull @JsonProperty private Duration retryInitialBackoff = Duration.milliseconds(500);
  /** Longest wait inside one call; a longer Retry-After moves on to the next provider. */
  @NotNull @JsonProperty private Duration retryMaxWait = Duration.seconds(10);

  /** The providers that are not {@code none}, with defaults filled in. */
  public List<ProviderSettings> providerSettings() {
    List<ProviderSettings> settings = new ArrayList<>();
    for (LlmProviderConfig provider : providers) {
      if (provider.used()) {
        settings.add(provider.settings(settings.size(), connectTimeout.toJavaDuration(),
            requestTimeout.toJavaDuration()));
      }
    }
    return settings;
  }

  public ChainSettings chainSettings() {
    return new ChainSettings(cacheMaxEntries, cacheTtl.toJavaDuration(), breakerFailureRatePercent,
        breakerWindowCalls, breakerMinimumCalls, breakerOpenFor.toJavaDuration(), retryMaxAttempts,
        retryInitialBackoff.toJavaDuration(), retryMaxWait.toJavaDuration());
  }

  /** The chain over the configured providers, or a model that says none is configured. */
  public LanguageModel build() {
    return LanguageModels.create(providerSettings(), chainSettings());
  }
}
