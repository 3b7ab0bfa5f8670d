package dev.vocero.activities.recordings;

import dev.vocero.activities.telephony.TelephonyException;
import dev.vocero.activities.telephony.TelephonyException.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Downloads call recordings over HTTP into a temporary file, hashing them on the way. Twilio (and the sandbox, which
 * imitates it) serve {@code RecordingUrl + ".wav"} behind HTTP basic auth with AccountSid:AuthToken; Retell's
 * {@code recording_url} is fetched as given.
 */
public final class RecordingDownloads {

  /** HTTP basic credentials of one provider. */
  public record BasicAuth(String user, String password) {
    String header() {
      return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
  }

  private final HttpClient http;
  private final Map<String, BasicAuth> basicAuth;
  private final long maxBytes;
  private final Duration timeout;

  /** {@code basicAuth} by provider name; a provider without an entry is fetched without credentials. */
  public RecordingDownloads(HttpClient http, Map<String, BasicAuth> basicAuth, long maxBytes, Duration timeout) {
    this.http = http;
    this.basicAuth = Map.copyOf(basicAuth);
    this.maxBytes = maxBytes;
    this.timeout = timeout;
  }

  /** The address to fetch: Twilio-style providers get the {@code .wav} rendition unless a format is named already. */
  public URI address(String provider, String recordingUrl) {
    URI uri = URI.create(recordingUrl.trim());
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      throw new TelephonyException(Kind.REJECTED, 0, null, "recording URL is not http(s): " + scheme, null);
    }
    boolean twilioStyle = basicAuth.containsKey(provider);
    String path = uri.getPath() == null ? "" : uri.getPath().toLowerCase(Locale.ROOT);
    if (twilioStyle && !path.endsWith(".wav") && !path.endsWith(".mp3")) {
      return URI.create(recordingUrl.trim() + ".wav");
    }
    return uri;
  }

  /** Fetches the recording; the caller deletes {@link Downloaded#file()} (close it). */
  public Downloaded download(String provider, String recordingUrl) throws IOException {
    URI uri = address(provider, recordingUrl);
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).GET();
    Optional.ofNullable(basicAuth.get(provider)).ifPresent(auth -> request.header("Authorization", auth.header()));
    HttpResponse<InputStream> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw new TelephonyException(Kind.RETRYABLE, 0, null, provider + " recording download failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TelephonyException(Kind.RETRYABLE, 0, null, provider + " recording download interrupted", e);
    }
    try (InputStream body = response.body()) {
      check(provider, response);
      return save(body, response.headers().firstValue("Content-Type").orElse(null));
    }
  }

  private static void check(String provider, HttpResponse<?> response) {
    int status = response.statusCode();
    if (status == 200) {
      return;
    }
    String message = provider + " recording download answered HTTP " + status;
    Duration retryAfter = response.headers().firstValue("Retry-After").flatMap(RecordingDownloads::seconds).orElse(null);
    // 404 is retried: a recording can be announced a moment before its file is served
    Kind kind = status == 401 || status == 403 ? Kind.UNAUTHORIZED
        : status == 404 || status == 408 || status == 429 || status >= 500 ? Kind.RETRYABLE : Kind.REJECTED;
    throw new TelephonyException(kind, status, retryAfter, message, null);
  }

  private Downloaded save(InputStream body, String contentType) throws IOException {
    Path file = Files.createTempFile("vocero-recording-", ".part");
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] head = new byte[12];
      int headLength = 0;
      long size = 0;
      byte[] buffer = new byte[64 * 1024];
      try (OutputStream out = Files.newOutputStream(file)) {
        for (int n; (n = body.read(buffer)) > 0; ) {
          size += n;
          if (size > maxBytes) {
            throw new TelephonyException(Kind.REJECTED, 200, null,
                "recording is larger than " + maxBytes + " bytes (telephony.recordingMaxBytes)", null);
          }
          if (headLength < head.length) {
            int take = Math.min(head.length - headLength, n);
            System.arraycopy(buffer, 0, head, headLength, take);
            headLength += take;
          }
          sha.update(buffer, 0, n);
          out.write(buffer, 0, n);
        }
      }
      String type = AudioFormat.of(head, headLength, contentType).orElseThrow(() -> new TelephonyException(Kind.REJECTED,
          200, null, "recording is not wav or mp3 audio (Content-Type " + contentType + ")", null));
      return new Downloaded(file, size, HexFormat.of().formatHex(sha.digest()), type);
    } catch (NoSuchAlgorithmException e) {
      Files.deleteIfExists(file);
      throw new IllegalStateException(e);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(file);
      throw e;
    }
  }

  private static Optional<Duration> seconds(String value) {
    try {
      return Optional.of(Duration.ofSeconds(Long.parseLong(value.trim())));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** A downloaded recording in a temporary file; closing deletes the file. */
  public record Downloaded(Path file, long size, String sha256, String contentType) implements AutoCloseable {
    @Override
    public void close() throws IOException {
      Files.deleteIfExists(file);
    }
  }
}
