package dev.vocero.workers.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;

/** The registry in Prometheus' text format (0.0.4), or OpenMetrics when the scraper asks for it. */
final class PrometheusServlet extends HttpServlet {
  private static final String TEXT = "text/plain; version=0.0.4; charset=utf-8";
  private static final String OPEN_METRICS = "application/openmetrics-text; version=1.0.0; charset=utf-8";
  private final transient PrometheusMeterRegistry registry;

  PrometheusServlet(PrometheusMeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String accept = request.getHeader("Accept");
    String contentType = accept != null && accept.contains("application/openmetrics-text") ? OPEN_METRICS : TEXT;
    response.setStatus(200);
    response.setContentType(contentType);
    response.setHeader("Cache-Control", "no-store");
    try (OutputStream out = response.getOutputStream()) {
      registry.scrape(out, contentType);
    }
  }
}
