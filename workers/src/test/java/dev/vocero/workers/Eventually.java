package dev.vocero.workers;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/** Polls a real-time server until a probe answers (not null), for at most 90 s. */
public final class Eventually {
  private Eventually() {}

  public static <T> T eventually(Supplier<T> probe, String what) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    while (Instant.now().isBefore(deadline)) {
      T value = probe.get();
      if (value != null) {
        return value;
      }
      try {
        Thread.sleep(200); // real HTTP against a real-time server: poll, bounded
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new AssertionError("never happened: " + what);
  }
}
