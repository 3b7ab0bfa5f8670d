package dev.vocero.activities.llm;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configured providers in order: each behind its own circuit breaker and bounded retries; the first answer wins
 * and names its provider. Identical requests are answered from a Caffeine cache (key: the chain and the full request).
 */
public final class LanguageModelChain implements LanguageModel {

  private static final Logger LOG = LoggerFactory.getLogger(LanguageModelChain.class);

  private final List<ProviderLink> links;
  private final String identity;
  /** Keyed by a SHA-256 of the chain and the full request, so a cached transcript costs 64 characters. */
  private final Cache<String, LlmAnswer> cache;

  public LanguageModelChain(List<LanguageModel> providers, ChainSettings settings) {
    this(providers, settings, Sleeper.THREAD);
  }

  public LanguageModelChain(List<LanguageModel> providers, ChainSettings settings, Sleeper sleeper) {
    if (providers.isEmpty()) {
      throw new IllegalArgumentException("a language-model chain needs at least one provider");
    }
    this.links = providers.stream().map(p -> new ProviderLink(p, settings, sleeper)).toList();
    this.identity = providers.stream().map(LanguageModel::provider).collect(Collectors.joining(">"));
    this.cache = settings.cacheMaxEntries() == 0 ? null : Caffeine.newBuilder()
        .maximumSize(settings.cacheMaxEntries())
        .expireAfterWrite(settings.cacheTtl())
        .build();
  }

  /** The first provider whose breaker is not open. */
  @Override
  public String provider() {
    return links.stream().filter(l -> l.state() != CircuitBreaker.State.OPEN).findFirst()
        .orElse(links.get(0)).name();
  }

  @Override
  public LlmAnswer complete(LlmRequest request) {
    String key = RequestDigest.of(identity, request);
    LlmAnswer cached = cache == null ? null : cache.getIfPresent(key);
    if (cached != null) {
      return cached.asCached();
    }
    List<String> outcomes = new ArrayList<>();
    List<LanguageModelException> failures = new ArrayList<>();
    for (ProviderLink link : links) {
      try {
        LlmAnswer answer = link.complete(request);
        if (!outcomes.isEmpty()) {
          LOG.info("llm answered by fallback provider={} after: {}", link.name(), String.join("; ", outcomes));
        }
        if (cache != null) {
          cache.put(key, answer);
        }
        return answer;
      } catch (CallNotPermittedException e) {
        outcomes.add(link.name() + ": circuit open, skipped");
      } catch (LanguageModelException e) {
        outcomes.add(link.name() + ": " + e.kind().name().toLowerCase());
        failures.add(e);
      }
    }
    throw exhausted(outcomes, failures);
  }

  private LanguageModelException exhausted(List<String> outcomes, List<LanguageModelException> failures) {
    String summary = "No language model answered (" + String.join("; ", outcomes) + ")."
        + (failures.isEmpty() ? "" : " Last error: " + failures.get(failures.size() - 1).getMessage());
    boolean allFailedAlike = failures.size() == links.size() && failures.stream().map(LanguageModelException::kind)
        .distinct().count() == 1 && failures.get(0).kind() != LanguageModelException.Kind.TRANSIENT;
    if (allFailedAlike) {
      return new LanguageModelException(failures.get(0).kind(), summary);
    }
    Duration soonest = failures.stream().map(LanguageModelException::retryAfter).filter(d -> d != null)
        .min(Duration::compareTo).orElse(null);
    return new LanguageModelException(LanguageModelException.Kind.UNAVAILABLE, summary, soonest,
        failures.isEmpty() ? null : failures.get(failures.size() - 1));
  }
}
