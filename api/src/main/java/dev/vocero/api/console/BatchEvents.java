package dev.vocero.api.console;

import dev.vocero.api.calls.BatchViews;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A batch's counts as server-sent events: read every {@code interval}, sent when the rendered block changed, a
 * comment otherwise (which also finds a closed browser tab), and an {@code end} event when the batch is over. One
 * stream lasts at most {@code longest}; the browser's EventSource then reconnects by itself.
 */
public final class BatchEvents {

  private final Duration interval;
  private final Duration longest;

  public BatchEvents(Duration interval, Duration longest) {
    this.interval = interval;
    this.longest = longest;
  }

  void stream(OutputStream out, Supplier<BatchViews.Detail> read, Function<BatchViews.Detail, String> render)
      throws IOException {
    long until = System.nanoTime() + longest.toNanos();
    String last = null;
    while (System.nanoTime() < until) {
      BatchViews.Detail detail = read.get();
      String block = render.apply(detail);
      if (!block.equals(last)) {
        send(out, "counts", block);
        last = block;
      } else {
        out.write(":\n\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
      }
      if (BatchViews.ENDED.contains(detail.batch().status())) {
        send(out, "end", detail.batch().status());
        return;
      }
      try {
        Thread.sleep(interval.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("stopping");
      }
    }
  }

  private static void send(OutputStream out, String event, String data) throws IOException {
    StringBuilder frame = new StringBuilder("event: ").append(event).append('\n');
    data.lines().forEach(line -> frame.append("data: ").append(line).append('\n'));
    out.write(frame.append('\n').toString().getBytes(StandardCharsets.UTF_8));
    out.flush();
  }
}
