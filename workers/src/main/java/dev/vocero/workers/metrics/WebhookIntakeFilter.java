package dev.vocero.workers.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts provider callbacks as they arrive on {@code /webhooks/…}, by provider channel and answer class; an unknown path
 * counts as {@code other}, so a caller cannot grow the label set.
 */
public final class WebhookIntakeFilter implements Filter {
  public static final String PATHS = "/webhooks/*";
  static final List<String> CHANNELS = List.of("twilio/voice", "twilio/messaging", "retell");
  private final MeterRegistry registry;
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();

  public WebhookIntakeFilter(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    try {
      chain.doFilter(request, response);
    } finally {
      if (request instanceof HttpServletRequest http && response instanceof HttpServletResponse answer) {
        counter(channel(http.getRequestURI()), answer.getStatus() / 100 + "xx").increment();
      }
    }
  }

  /** Looked up once per channel and answer class (at most 4 × 5): registering on every request cost a tag sort. */
  private Counter counter(String channel, String status) {
    return counters.computeIfAbsent(channel + ' ' + status, key -> Counter.builder("vocero.webhook.intake")
        .description("Provider callbacks received, by channel and answer class")
        .tag("channel", channel)
        .tag("status", status)
        .register(registry));
  }

  static String channel(String uri) {
    String path = uri == null ? "" : uri;
    for (String channel : CHANNELS) {
      if (path.startsWith("/webhooks/" + channel + "/") || path.equals("/webhooks/" + channel)) {
        return channel.replace('/', '_');
      }
    }
    return "other";
  }
}
