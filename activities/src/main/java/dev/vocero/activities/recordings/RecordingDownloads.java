package dev.vocero.activities.recordings;

import dev.vocero.activities.telephony.TelephonyException;
import dev.vocero.activities.telephony.TelephonyException.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import dev.vocero.activities.net.GuardedHttp;
import dev.vocero.activities.net.PublicAddresses;
import java.net.URI;
import java.net.UnknownHostException;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;

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

  private final PublicAddresses addresses;
  private final Map<String, BasicAuth> basicAuth;
  private final Map<String, Predicate<String>> hosts;
  private final Map<String, GuardedHttp> clients = new ConcurrentHashMap<>();
  private final long maxBytes;
  private final Duration timeout;

  /**
   * {@code basicAuth} by provider name (a provider without an entry is fetched without credentials); {@code hosts} by
   * provider name: the hosts its recordings (and their redirects) may come from; a provider without an entry, any
   * public host.
   */
  public RecordingDownloads(PublicAddresses addresses, Map<String, BasicAuth> basicAuth,
      Map<String, Predicate<String>> hosts, long maxBytes, Duration timeout) {
    this.addresses = addresses;
    this.basicAuth = Map.copyOf(basicAuth);
    this.hosts = Map.copyOf(hosts);
    this.maxBytes = maxBytes;
    this.timeout = timeout;
  }

  private GuardedHttp client(String provider) {
    return clients.computeIfAbsent(provider, p -> new GuardedHttp(addresses, hosts.getOrDefault(p, host -> true),
        Duration.ofSeconds(10), timeout, 3));
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
    if (!hosts.getOrDefault(provider, host -> true).test(uri.getHost())) {
      throw new TelephonyException(Kind.REJECTED, 0, null, provider + " recording URL is not on one of its hosts: "
          + uri.getHost(), null);
    }
    HttpGet get = new HttpGet(uri);
    Optional.ofNullable(basicAuth.get(provider)).ifPresent(auth -> get.setHeader("Authorization", auth.header()));
    try {
      return client(provider).execute(get, response -> {
        check(provider, response);
        try (InputStream body = response.getEntity() == null ? InputStream.nullInputStream()
            : response.getEntity().getContent()) {
          Header type = response.getFirstHeader("Content-Type");
          return save(body, type == null ? null : type.getValue());
        }
      });
    } catch (PublicAddresses.RefusedAddress | GuardedHttp.RefusedHost e) {
      throw new TelephonyException(Kind.REJECTED, 0, null, provider + " recording download refused: " + e.getMessage(), e);
    } catch (TelephonyException e) {
      throw e;
    } catch (UnknownHostException e) {
      throw new TelephonyException(Kind.RETRYABLE, 0, null, provider + " recording host does not resolve: " + e, e);
    } catch (IOException e) {
      throw new TelephonyException(Kind.RETRYABLE, 0, null, provider + " recording download failed: " + e, e);
    }
  }

  private static void check(String provider, ClassicHttpResponse response) {
    int status = response.getCode();
    if (status == 200) {
      return;
    }
    String message = provider + " recording download answered HTTP " + status;
    Header header = response.getFirstHeader("Retry-After");
    Duration retryAfter = header == null ? null : seconds(header.getValue()).orElse(null);
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
