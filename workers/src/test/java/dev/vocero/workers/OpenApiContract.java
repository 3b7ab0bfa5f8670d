package dev.vocero.workers;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Checks real responses against the OpenAPI document the same application serves at {@code /openapi.json}, with
 * Atlassian's validator: a response whose status, content type or body the document does not describe fails the test.
 */
public final class OpenApiContract {
  public static final ObjectMapper JSON = new ObjectMapper();
  /** The reference itself, and Dropwizard's admin port (tests read its health checks through ApiClient too). */
  private static final List<String> NOT_API = List.of("/openapi.", "/docs", "/healthcheck", "/metrics", "/ping",
      "/threads", "/tasks");
  /** The operator's console: HTML pages for browsers, deliberately not in the API's document (docs/console.md). */
  private static final List<String> CONSOLE = List.of("/signin", "/signout", "/lang/", "/assets/", "/recordings",
      "/batches",
      "/chat", "/campaigns", "/messages", "/settings", "/users");
  private static final Map<String, OpenApiInteractionValidator> VALIDATORS = new ConcurrentHashMap<>();

  private OpenApiContract() {}

  /** The document as the application at {@code base} (http://host:port) serves it. */
  public static String document(String base) {
    try {
      HttpResponse<String> response = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(base + "/openapi.json")).build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new AssertionError("GET /openapi.json answered " + response.statusCode() + ": " + response.body());
      }
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static OpenApiInteractionValidator validator(String base) {
    return VALIDATORS.computeIfAbsent(base,
        b -> OpenApiInteractionValidator.createForInlineApiSpecification(document(b)).build());
  }

  /** Fails with every validation error when the response does not match the document. */
  public static void assertConforms(String base, String method, URI uri, HttpResponse<byte[]> response) {
    String path = uri.getRawPath();
    if (NOT_API.stream().anyMatch(path::startsWith) || path.equals("/") || CONSOLE.stream().anyMatch(path::startsWith)) {
      return;
    }
    SimpleResponse.Builder actual = SimpleResponse.Builder.status(response.statusCode());
    response.headers().map().forEach(actual::withHeader);
    if (response.body().length > 0) {
      actual.withBody(response.body());
    }
    ValidationReport report = validator(base).validateResponse(path, Request.Method.valueOf(method), actual.build());
    if (report.hasErrors()) {
      throw new AssertionError(method + " " + path + " → " + response.statusCode() + " does not match /openapi.json:\n"
          + report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
              .map(m -> "  " + m.getKey() + ": " + m.getMessage()).collect(Collectors.joining("\n"))
          + "\n  body: " + new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
    }
  }
}
