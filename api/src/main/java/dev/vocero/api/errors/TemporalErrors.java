package dev.vocero.api.errors;

import java.time.Duration;

/** How Temporal client failures reach API clients: outages as 503 + Retry-After, rejections as readable text. */
public final class TemporalErrors {
  private static final Duration RETRY_AFTER = Duration.ofSeconds(30);

  private TemporalErrors() {}

  public static ApiException unavailable(String message) {
    return ApiException.unavailable("temporal_unavailable", message, RETRY_AFTER);
  }

  /** The innermost message (e.g. an update validator's), without Temporal's ", type=…" suffix. */
  public static String rootMessage(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? String.valueOf(t.getMessage()) : root.getMessage();
    int cut = message.indexOf(", type=");
    return cut > 0 ? message.substring(0, cut) : message;
  }
}
