package dev.vocero.api.http;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.EnumSet;

/**
 * Reads and discards what is left of a small request body after the request was answered.
 *
 * <p>A request refused before its body is read (a 401 from the token filter, a 403 from a role check, a 404)
 * leaves the body on the wire. When the answer goes out before the body has arrived — clients write the
 * headers and the body separately — Jetty cannot skip it without blocking and closes the connection after the
 * response, without saying so in a {@code Connection: close} header. A client that already returned the
 * connection to its pool then fails its next request with "header parser received no bytes", and cannot retry
 * it on its own if it is a POST. Draining bodies up to {@code maxBytes} keeps the connection usable; larger
 * bodies (uploads refused for their size) are still cut off by closing the connection.
 */
public final class UnreadBodyDrain implements Filter {
  public static final EnumSet<DispatcherType> REQUESTS = EnumSet.of(DispatcherType.REQUEST);

  private final long maxBytes;

  public UnreadBodyDrain(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    chain.doFilter(request, response);
    if (!(request instanceof HttpServletRequest http) || http.isAsyncStarted()) {
      return;
    }
    long length = http.getContentLengthLong();
    if (length <= 0 || length > maxBytes) {
      return;
    }
    try {
      InputStream body = http.getInputStream();
      if (body.read() == -1) {
        return; // read to the end already (the usual case): no buffer to allocate
      }
      byte[] sink = new byte[8192];
      while (body.read(sink) != -1) {
        // discard
      }
    } catch (IllegalStateException readAsText) {
      // the resource used getReader(): it has read the body itself
    } catch (IOException gone) {
      // the client went away; Jetty closes the connection as it would have anyway
    }
  }
}
