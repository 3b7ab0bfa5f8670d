package dev.vocero.activities.llm;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One provider of the chain behind its own circuit breaker, with bounded retries that honour Retry-After. */
final class ProviderLink {

  private static final Logger LOG = LoggerFactory.getLogger(ProviderLink.class);
  /** Failures that say something about the request, not about the provider's health. */
  private static final Set<LanguageModelException.Kind> REQUEST_LEVEL =
      Set.of(LanguageModelException.Kind.INVALID_REQUEST, LanguageModelException.Kind.REFUSED);

  private final LanguageModel model;
  private final CircuitBreaker breaker;
  private final Retry retry;
  private final Sleeper sleeper;

  ProviderLink(LanguageModel model, ChainSettings settings, Sleeper sleeper) {
    this.model = model;
    this.sleeper = sleeper;
    this.breaker = CircuitBreaker.of("llm-" + model.provider(), CircuitBreakerConfig.custom()
        .failureRateThreshold(settings.failureRatePercent())
        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
        .slidingWindowSize(settings.slidingWindowCalls())
        .minimumNumberOfCalls(settings.minimumCalls())
        .waitDurationInOpenState(settings.openFor())
        .permittedNumberOfCallsInHalfOpenState(1)
        .ignoreException(e -> e instanceof LanguageModelException l && REQUEST_LEVEL.contains(l.kind()))
        .writableStackTraceEnabled(false)
        .build());
    Duration maxWait = settings.maxRetryWait();
    this.retry = Retry.of("llm-" + model.provider(), RetryConfig.<LlmAnswer>custom()
        .maxAttempts(settings.maxAttempts())
        .retryOnException(e -> e instanceof LanguageModelException l
            && l.kind() == LanguageModelException.Kind.TRANSIENT
            && (l.retryAfter() == null || l.retryAfter().compareTo(maxWait) <= 0))
        .intervalBiFunction((attempt, outcome) -> waitMillis(attempt, outcome, settings))
        .build());
  }

  String name() {
    return model.provider();
  }

  CircuitBreaker.State state() {
    return breaker.getState();
  }

  /**
   * @throws io.github.resilience4j.circuitbreaker.CallNotPermittedException while the breaker is open
   * @throws LanguageModelException the last failure once retries are spent or pointless
   */
  LlmAnswer complete(LlmRequest request) {
    Retry.AsyncContext<LlmAnswer> attempts = retry.asyncContext();
    while (true) {
      try {
        LlmAnswer answer = breaker.executeSupplier(() -> model.complete(request));
        attempts.onComplete();
        return answer;
      } catch (LanguageModelException e) {
        long waitMillis = attempts.onError(e);
        if (waitMillis < 0 || breaker.getState() == CircuitBreaker.State.OPEN) {
          throw e; // retries spent or pointless, or this failure just opened the breaker
        }
        LOG.info("llm provider={} transient failure, retrying in {} ms", name(), waitMillis);
        pause(waitMillis, e);
      }
    }
  }

  private void pause(long millis, LanguageModelException cause) {
    try {
      sleeper.sleep(Duration.ofMillis(millis));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw cause;
    }
  }

  private static long waitMillis(int attempt, Either<Throwable, LlmAnswer> outcome, ChainSettings settings) {
    if (outcome.isLeft() && outcome.getLeft() instanceof LanguageModelException l && l.retryAfter() != null) {
      return l.retryAfter().toMillis();
    }
    long backoff = settings.initialBackoff().toMillis() << Math.min(attempt - 1, 20);
    return Math.min(backoff, settings.maxRetryWait().toMillis());
  }
}
