package dev.vocero.activities.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vocero.activities.speech.SpeechErrors;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One provider's HTTP client: posts JSON, logs (provider, status, latency, sizes only) and classifies failures. */
final class LlmHttp {

  private static final Logger LOG = LoggerFactory.getLogger(LlmHttp.class);

  private final ProviderSettings settings;
  private final HttpClient client;
  private final Clock clock;

  LlmHttp(ProviderSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
    this.client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(settings.connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  /** Posts the JSON body and returns the parsed 2xx answer; anything else is a {@link LanguageModelException}. */
  JsonNode post(URI uri, JsonNode body, String... headers) {
    byte[] bytes;
    try {
      bytes = LlmJson.MAPPER.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise the request to " + settings.name(), e);
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(uri)
        .timeout(settings.requestTimeout())
        .header("User-Agent", "vocero-llm")
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
    if (headers.length > 0) {
      request.headers(headers);
    }
    HttpResponse<String> response = send(request.build(), bytes.length);
    try {
      return LlmJson.MAPPER.readTree(response.body());
    } catch (IOException e) {
      throw new LanguageModelException(LanguageModelException.Kind.TRANSIENT, settings.name() + " answered HTTP "
          + response.statusCode() + " with a body that is not JSON (" + response.body().length() + " chars). Check "
          + "that baseUrl " + settings.baseUrl() + " points at its API.", null, e);
    }
  }

  private HttpResponse<String> send(HttpRequest request, long sentBytes) {
    long started = System.nanoTime();
    HttpResponse<String> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (HttpTimeoutException e) {
      throw network("timed out (requestTimeout " + settings.requestTimeout().toSeconds() + " s)", e);
    } catch (ConnectException e) {
      throw network("could not be reached at " + settings.baseUrl() + "; check that it is running and that baseUrl "
          + "is right", e);
    } catch (IOException e) {
      throw network("failed with a network error (" + e.getClass().getSimpleName() + ")", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw network("was interrupted", e);
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    int status = response.statusCode();
    LOG.info("llm provider={} model={} status={} latencyMs={} sentBytes={} receivedChars={}", settings.name(),
        settings.model(), status, millis, sentBytes, response.body().length());
    if (status / 100 != 2) {
      throw forStatus(status, response.headers().firstValue("Retry-After").orElse(null), response.body());
    }
    return response;
  }

  private LanguageModelException forStatus(int status, String retryAfterHeader, String body) {
    String said = SpeechErrors.providerMessage(body, settings.apiKey());
    String saidPart = said.isEmpty() ? "" : " Provider said: " + said;
    String who = settings.name() + " (model " + settings.model() + ")";
    if (status == 429 || status == 408 || status >= 500) {
      Duration retryAfter = SpeechErrors.parseRetryAfter(retryAfterHeader, clock);
      String why = status == 429 ? "rate limit or quota exceeded" : "temporary provider problem";
      return new LanguageModelException(LanguageModelException.Kind.TRANSIENT, String.format(
          "%s returned HTTP %d (%s)%s.%s", who, status, why,
          retryAfter == null ? "" : "; it asked to retry after " + retryAfter.toSeconds() + " s", saidPart),
          retryAfter, null);
    }
    if (status == 401 || status == 403 || (status == 400 && looksLikeBadKey(body))) {
      return new LanguageModelException(LanguageModelException.Kind.UNAUTHORIZED, String.format(
          "%s returned HTTP %d: the credentials were refused. Check its apiKey (set, current, allowed to use the "
              + "model).%s", who, status, saidPart));
    }
    if (status == 404) {
      return new LanguageModelException(LanguageModelException.Kind.INVALID_REQUEST, String.format(
          "%s returned HTTP 404: check its baseUrl (%s) and model.%s", who, settings.baseUrl(), saidPart));
    }
    return new LanguageModelException(LanguageModelException.Kind.INVALID_REQUEST, String.format(
        "%s rejected the request with HTTP %d; retrying will not help.%s", who, status, saidPart));
  }

  private LanguageModelException network(String what, Exception cause) {
    LOG.info("llm provider={} model={} status=none error={}", settings.name(), settings.model(),
        cause.getClass().getSimpleName());
    return new LanguageModelException(LanguageModelException.Kind.TRANSIENT,
        settings.name() + " " + what + ".", null, cause);
  }

  private static boolean looksLikeBadKey(String body) {
    return body != null && (body.contains("API_KEY_INVALID") || body.contains("API key not valid"));
  }
}
