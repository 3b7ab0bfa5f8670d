package dev.vocero.activities.telephony;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Retell's JSON API over one JDK HttpClient: bearer auth, logs (step, status, latency) and error classification. */
final class RetellHttp {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final Logger LOG = LoggerFactory.getLogger(RetellHttp.class);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
  private static final int MAX_BODY_IN_MESSAGE = 300;

  private final RetellConfig config;
  private final HttpClient client;

  RetellHttp(RetellConfig config) {
    this.config = config;
    this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  JsonNode post(String path, JsonNode body, String step) {
    HttpRequest request = request(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build();
    return send(request, step, false).orElseThrow();
  }

  /** Empty on 404: the resource does not exist. */
  Optional<JsonNode> get(String path, String step) {
    return send(request(path).GET().build(), step, true);
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(config.resolvedBaseUrl() + path)).timeout(REQUEST_TIMEOUT)
        .header("Authorization", "Bearer " + config.getApiKey()).header("Accept", "application/json");
  }

  private Optional<JsonNode> send(HttpRequest request, String step, boolean notFoundIsEmpty) {
    long started = System.nanoTime();
    HttpResponse<String> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new TelephonyException(TelephonyException.Kind.RETRYABLE, 0, null, "retell " + step
          + " failed with a network error (" + e.getClass().getSimpleName() + "); will retry", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TelephonyException(TelephonyException.Kind.RETRYABLE, 0, null, "retell " + step + " interrupted", e);
    }
    int status = response.statusCode();
    LOG.info("telephony provider=retell step={} status={} latencyMs={}", step, status,
        (System.nanoTime() - started) / 1_000_000);
    if (status == 404 && notFoundIsEmpty) {
      return Optional.empty();
    }
    if (status / 100 != 2) {
      throw failure(step, status, response);
    }
    try {
      return Optional.of(JSON.readTree(response.body()));
    } catch (IOException e) {
      throw new TelephonyException(TelephonyException.Kind.RETRYABLE, status, null,
          "retell " + step + " answered HTTP " + status + " with a body that is not JSON", e);
    }
  }

  private TelephonyException failure(String step, int status, HttpResponse<String> response) {
    TelephonyException.Kind kind;
    if (status == 408 || status == 429 || status >= 500) {
      kind = TelephonyException.Kind.RETRYABLE;
    } else if (status == 401 || status == 403) {
      kind = TelephonyException.Kind.UNAUTHORIZED;
    } else {
      kind = TelephonyException.Kind.REJECTED;
    }
    Duration retryAfter = kind == TelephonyException.Kind.RETRYABLE
        ? retryAfter(response.headers().firstValue("Retry-After").orElse(null)) : null;
    return new TelephonyException(kind, status, retryAfter,
        "retell " + step + " failed: HTTP " + status + " " + said(response.body()), null);
  }

  private String said(String body) {
    String text = body == null ? "" : body;
    try {
      JsonNode json = JSON.readTree(text);
      if (json != null && json.path("message").isTextual()) {
        text = json.path("message").asText();
      }
    } catch (IOException notJson) {
      // an HTML or plain-text error page is quoted as it is
    }
    if (config.getApiKey() != null && !config.getApiKey().isBlank()) {
      text = text.replace(config.getApiKey(), "[redacted]");
    }
    text = text.replaceAll("\\s+", " ").trim();
    return text.length() <= MAX_BODY_IN_MESSAGE ? text : text.substring(0, MAX_BODY_IN_MESSAGE) + "...";
  }

  /** RFC 9110: delay-seconds or an HTTP-date; null when absent or unreadable. */
  static Duration retryAfter(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      String v = value.trim();
      if (v.chars().allMatch(Character::isDigit)) {
        return Duration.ofSeconds(Long.parseLong(v));
      }
      Duration wait = Duration.between(Instant.now(),
          ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
      return wait.isNegative() ? Duration.ZERO : wait;
    } catch (RuntimeException e) {
      return null;
    }
  }
}
