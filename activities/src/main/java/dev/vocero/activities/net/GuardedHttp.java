package dev.vocero.activities.net;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.io.HttpClientResponseHandler;
import org.apache.hc.core5.util.Timeout;

/**
 * The one HTTP client for addresses users or callbacks choose (alert webhooks, recording downloads). The host is
 * resolved once, every address checked ({@link PublicAddresses}), and the connection made to exactly those
 * addresses, so a name cannot resolve to a public address for the check and a private one for the connection (DNS
 * rebinding). Redirects, when followed, go through the same resolver and the same host rule again. No system proxy
 * is used (it would connect on our behalf to whatever it resolves).
 */
public final class GuardedHttp implements AutoCloseable {
  /** A host the caller does not send this kind of request to (e.g. a recording that is not on its provider's host). */
  public static final class RefusedHost extends UnknownHostException {
    public RefusedHost(String host) {
      super(host + " is not a host this request may go to");
    }
  }

  private final CloseableHttpClient client;

  /**
   * @param hosts which host names may be connected to at all (redirect targets included)
   * @param maxRedirects 0 to never follow redirects
   */
  public GuardedHttp(PublicAddresses addresses, Predicate<String> hosts, Duration connectTimeout, Duration responseTimeout,
      int maxRedirects) {
    DnsResolver resolver = new DnsResolver() {
      @Override
      public InetAddress[] resolve(String host) throws UnknownHostException {
        if (!hosts.test(host)) {
          throw new RefusedHost(host);
        }
        return addresses.resolveChecked(host);
      }

      @Override
      public String resolveCanonicalHostname(String host) throws UnknownHostException {
        return host;
      }
    };
    this.client = HttpClients.custom()
        .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
            .setDnsResolver(resolver)
            .setDefaultConnectionConfig(ConnectionConfig.custom()
                .setConnectTimeout(Timeout.of(connectTimeout))
                .setSocketTimeout(Timeout.of(responseTimeout))
                .build())
            .setMaxConnTotal(50).setMaxConnPerRoute(10)
            .build())
        .setDefaultRequestConfig(RequestConfig.custom()
            .setResponseTimeout(Timeout.of(responseTimeout))
            .setRedirectsEnabled(maxRedirects > 0)
            .setMaxRedirects(Math.max(maxRedirects, 1))
            .build())
        .disableAutomaticRetries()
        .disableCookieManagement()
        .build();
  }

  /** A host rule from a list of names, where an entry starting with a dot also admits every name under it. */
  public static Predicate<String> hostList(java.util.Collection<String> names) {
    List<String> lower = names.stream().map(n -> n.trim().toLowerCase(Locale.ROOT)).toList();
    return host -> host != null && lower.stream().anyMatch(name ->
        name.startsWith(".") ? host.toLowerCase(Locale.ROOT).endsWith(name) : host.equalsIgnoreCase(name));
  }

  public <T> T execute(ClassicHttpRequest request, HttpClientResponseHandler<T> handler) throws IOException {
    return client.execute(request, handler);
  }

  /** The first {@code maxBytes} of a body as text (for error excerpts and small answers); the rest is not read. */
  public static String head(InputStream body, int maxBytes) throws IOException {
    return body == null ? "" : new String(body.readNBytes(maxBytes), java.nio.charset.StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws IOException {
    client.close();
  }
}
