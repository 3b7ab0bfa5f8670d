package dev.vocero.activities.speech;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One provider's HTTP client: sends, logs (provider, status, latency, sizes only) and classifies failures. */
final class ProviderHttp {

  private static final Logger LOG = LoggerFactory.getLogger(ProviderHttp.class);

  private final String provider;
  private final SpeechConfig config;
  private final HttpClient client;
  private final Clock clock;

  ProviderHttp(String provider, SpeechConfig config) {
    this.provider = provider;
    this.config = config;
    this.clock = Clock.systemUTC();
    // HTTP/1.1 keeps local servers (whisper.cpp, speaches) away from h2c upgrade attempts on large POSTs
    this.client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(config.getConnectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  String provider() {
    return provider;
  }

  HttpRequest.Builder request(URI uri) {
    return HttpRequest.newBuilder(uri).timeout(config.getRequestTimeout()).header("User-Agent", "vocero-speech");
  }

  /** Sends and returns a 2xx response; any other outcome becomes a classified {@link SpeechException}. */
  HttpResponse<String> send(HttpRequest request, String step, long sentBytes) {
    long started = System.nanoTime();
    HttpResponse<String> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (HttpTimeoutException e) {
      throw failure(step, "timed out (speech.connectTimeout=" + human(config.getConnectTimeout())
          + ", speech.requestTimeout=" + human(config.getRequestTimeout()) + "). The activity will be "
          + "retried; raise speech.requestTimeout if long audio keeps timing out", e);
    } catch (ConnectException e) {
      throw failure(step, "could not connect to " + config.resolvedBaseUrl() + ". The activity will be retried; "
          + "check that the server is running and that speech.baseUrl is right", e);
    } catch (IOException e) {
      String message = String.valueOf(e.getMessage());
      if (message.contains("Too few bytes") || message.contains("Too many bytes")) {
        throw new SpeechException(SpeechException.Kind.REJECTED, 0, null, provider + " " + step
            + " failed: the audio stream's length did not match AudioSource.sizeBytes", e);
      }
      throw failure(step, "failed with a network error (" + e.getClass().getSimpleName()
          + "). The activity will be retried", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failure(step, "was interrupted", e);
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    int status = response.statusCode();
    LOG.info("speech provider={} step={} status={} latencyMs={} sentBytes={} receivedChars={}",
        provider, step, status, millis, sentBytes, response.body().length());
    if (status / 100 != 2) {
      String retryAfter = response.headers().firstValue("Retry-After").orElse(null);
      throw SpeechErrors.forStatus(provider, step, status, retryAfter, response.body(), config.getApiKey(), clock);
    }
    return response;
  }

  /** Opens the audio, runs the call and always closes the stream. */
  <T> T withAudio(AudioSource audio, AudioCall<T> call) {
    if (audio.sizeBytes() == 0) {
      throw new SpeechException(SpeechException.Kind.REJECTED, "The audio '" + audio.filename()
          + "' is empty (0 bytes); there is nothing for " + provider + " to transcribe.");
    }
    InputStream in;
    try {
      in = audio.content().open();
    } catch (NoSuchFileException | FileNotFoundException e) {
      throw new SpeechException(SpeechException.Kind.REJECTED, 0, null,
          "The audio '" + audio.filename() + "' does not exist; it cannot be sent to " + provider + ".", e);
    } catch (IOException e) {
      throw new SpeechException(SpeechException.Kind.RETRYABLE, 0, null,
          "Could not read the audio '" + audio.filename() + "' for " + provider + "; will retry.", e);
    }
    try {
      return call.apply(in);
    } catch (IOException e) {
      throw new SpeechException(SpeechException.Kind.RETRYABLE, 0, null,
          "Could not read the audio '" + audio.filename() + "' for " + provider + "; will retry.", e);
    } finally {
      try {
        in.close();
      } catch (IOException ignored) {
        // the call already finished; a failing close cannot change its outcome
      }
    }
  }

  /** A 200 whose body is not what the provider documents. */
  SpeechException unparseable(String step, HttpResponse<String> response, Exception cause) {
    String type = response.headers().firstValue("Content-Type").orElse("none");
    String message = String.format("%s returned HTTP %d during %s but the body is not the expected JSON "
        + "(Content-Type %s, %d chars). Check that speech.baseUrl points at a %s API and that speech.model "
        + "supports this request.", provider, response.statusCode(), step, type, response.body().length(), provider);
    return new SpeechException(SpeechException.Kind.REJECTED, response.statusCode(), null, message, cause);
  }

  @FunctionalInterface
  interface AudioCall<T> {
    T apply(InputStream in) throws IOException;
  }

  private SpeechException failure(String step, String what, Exception cause) {
    LOG.info("speech provider={} step={} status=none error={}", provider, step, cause.getClass().getSimpleName());
    return new SpeechException(SpeechException.Kind.RETRYABLE, 0, null, provider + " " + step + " " + what + ".",
        cause);
  }

  private static String human(Duration duration) {
    return duration.toMillis() < 1000 ? duration.toMillis() + " ms" : duration.toSeconds() + " s";
  }
}
