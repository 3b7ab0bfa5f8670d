package dev.vocero.api.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;

/**
 * CORS for one origin only (the Temporal Web UI calling /codec from the browser): its preflights are answered here,
 * its requests get the allow headers; any other origin gets none, so browsers keep it out.
 */
public final class CorsForOrigin implements Filter {
  static final String ALLOWED_HEADERS = "Authorization, Content-Type, X-Namespace";

  private final String origin;

  /** {@code url}: the allowed site, e.g. {@code http://localhost:8233}; its path is ignored. */
  public CorsForOrigin(String url) {
    URI uri = URI.create(url.trim());
    if (uri.getScheme() == null || uri.getHost() == null) {
      throw new IllegalArgumentException("not an absolute http(s) address: " + url);
    }
    this.origin = uri.getScheme().toLowerCase() + "://" + uri.getHost().toLowerCase()
        + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest http = (HttpServletRequest) request;
    HttpServletResponse answer = (HttpServletResponse) response;
    answer.addHeader("Vary", "Origin");
    if (!origin.equals(http.getHeader("Origin"))) {
      chain.doFilter(request, response);
      return;
    }
    answer.setHeader("Access-Control-Allow-Origin", origin);
    answer.setHeader("Access-Control-Allow-Credentials", "true");
    if ("OPTIONS".equals(http.getMethod()) && http.getHeader("Access-Control-Request-Method") != null) {
      answer.setHeader("Access-Control-Allow-Methods", "POST");
      answer.setHeader("Access-Control-Allow-Headers", ALLOWED_HEADERS);
      answer.setHeader("Access-Control-Max-Age", "600");
      answer.setStatus(HttpServletResponse.SC_NO_CONTENT);
      return;
    }
    chain.doFilter(request, response);
  }
}
