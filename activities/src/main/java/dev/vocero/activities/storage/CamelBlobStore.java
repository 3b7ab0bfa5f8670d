package dev.vocero.activities.storage;

import dev.vocero.store.blob.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ConsumerTemplate;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.NoTypeConversionAvailableException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.file.FileEndpoint;

/**
 * Blobs behind a Camel file-like endpoint ({@code file:}, or ftp/sftp with their component on the classpath).
 * Writes always go through Camel. A {@code file:} endpoint is read, tested and deleted with java.nio under its
 * directory; other schemes are read with a one-off poll and do not support {@link #exists} or {@link #delete}.
 */
public final class CamelBlobStore implements BlobStore, AutoCloseable {
  public static final Duration DEFAULT_RECEIVE_TIMEOUT = Duration.ofSeconds(30);

  // Keys become file names and Camel URI options: plain path segments only, no "..", no hidden or absolute names.
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)*");

  private final CamelContext camel;
  private final String endpointUri;
  private final Endpoint putEndpoint;
  private final Path directory;
  private final Duration receiveTimeout;
  private final ProducerTemplate producer;
  private final ConsumerTemplate consumer;

  public CamelBlobStore(CamelContext camel, String endpointUri) {
    this(camel, endpointUri, DEFAULT_RECEIVE_TIMEOUT);
  }

  /** {@code receiveTimeout} bounds the poll that reads a blob from a non-{@code file:} endpoint. */
  public CamelBlobStore(CamelContext camel, String endpointUri, Duration receiveTimeout) {
    this.camel = Objects.requireNonNull(camel, "camel");
    this.endpointUri = Objects.requireNonNull(endpointUri, "endpointUri").trim();
    this.receiveTimeout = Objects.requireNonNull(receiveTimeout, "receiveTimeout");
    String scheme = scheme(this.endpointUri);
    // Same key means same content, so an existing blob is kept; the temp name makes the final name appear atomically.
    this.putEndpoint = camel.getEndpoint(
        withOptions(this.endpointUri, "fileExist=Ignore&tempFileName=.${file:onlyname}.${exchangeId}.part"));
    this.directory = "file".equals(scheme) ? fileDirectory(camel, this.endpointUri) : null;
    this.producer = camel.createProducerTemplate();
    this.consumer = camel.createConsumerTemplate();
  }

  /** The endpoint URI of a local directory, for {@code vocero dev} and tests. */
  public static String fileEndpoint(Path dir) {
    return "file:" + dir.toAbsolutePath().normalize().toString().replace('\\', '/');
  }

  /** A stream shorter or longer than {@code sizeBytes} fails the put; a negative size skips that check. */
  @Override
  public void put(String key, InputStream content, long sizeBytes) throws IOException {
    String checked = checkKey(key);
    InputStream body = sizeBytes < 0 ? content : new ExactLengthInputStream(content, sizeBytes);
    try {
      producer.sendBodyAndHeader(putEndpoint, body, Exchange.FILE_NAME, checked);
    } catch (CamelExecutionException e) {
      throw new IOException("could not store blob " + checked + " at " + scheme(endpointUri) + " endpoint",
          e.getCause() == null ? e : e.getCause());
    }
  }

  @Override
  public InputStream open(String key) throws IOException {
    String checked = checkKey(key);
    if (directory != null) {
      return Files.newInputStream(resolve(checked));
    }
    Object body = consumer.receiveBody(pollUri(checked), receiveTimeout.toMillis());
    if (body == null) {
      throw new NoSuchFileException(checked);
    }
    try {
      return camel.getTypeConverter().mandatoryConvertTo(InputStream.class, body);
    } catch (NoTypeConversionAvailableException e) {
      throw new IOException("blob " + checked + " cannot be read as a stream", e);
    }
  }

  @Override
  public boolean exists(String key) throws IOException {
    return Files.isRegularFile(resolve(checkKey(key)));
  }

  @Override
  public void delete(String key) throws IOException {
    Files.deleteIfExists(resolve(checkKey(key)));
  }

  @Override
  public void close() {
    producer.stop();
    consumer.stop();
  }

  private Path resolve(String key) {
    if (directory == null) {
      throw new UnsupportedOperationException("exists/delete need a file: blob endpoint, not "
          + scheme(endpointUri) + ":");
    }
    Path path = directory.resolve(key).normalize();
    if (!path.startsWith(directory)) {
      throw new IllegalArgumentException("blob key escapes the blob directory: " + key);
    }
    return path;
  }

  // File consumers do not look into sub-directories for fileName, so the key's directory goes into the path.
  private String pollUri(String key) {
    int slash = key.lastIndexOf('/');
    int query = endpointUri.indexOf('?');
    String path = query < 0 ? endpointUri : endpointUri.substring(0, query);
    String options = query < 0 ? "" : endpointUri.substring(query + 1) + "&";
    return (path.endsWith("/") ? path.substring(0, path.length() - 1) : path)
        + (slash < 0 ? "" : "/" + key.substring(0, slash))
        + "?" + options + "fileName=" + key.substring(slash + 1) + "&noop=true&idempotent=false";
  }

  private static String checkKey(String key) {
    if (key == null || !KEY.matcher(key).matches()) {
      throw new IllegalArgumentException("invalid blob key: " + key);
    }
    return key;
  }

  private static Path fileDirectory(CamelContext camel, String endpointUri) {
    FileEndpoint endpoint = camel.getEndpoint(endpointUri, FileEndpoint.class);
    return endpoint.getFile().toPath().toAbsolutePath().normalize();
  }

  private static String scheme(String uri) {
    int colon = uri.indexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException("blob endpoint needs a scheme such as file: but was " + uri);
    }
    return uri.substring(0, colon).toLowerCase(Locale.ROOT);
  }

  private static String withOptions(String uri, String options) {
    return uri + (uri.contains("?") ? "&" : "?") + options;
  }
}
