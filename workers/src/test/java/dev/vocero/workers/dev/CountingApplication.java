package dev.vocero.workers.dev;

import dev.vocero.activities.messaging.MessageRequest;
import dev.vocero.activities.messaging.Messaging;
import dev.vocero.activities.messaging.SentMessage;
import dev.vocero.activities.telephony.CallRequest;
import dev.vocero.activities.telephony.CallStatusInfo;
import dev.vocero.activities.telephony.PlacedCallInfo;
import dev.vocero.activities.telephony.Telephony;
import dev.vocero.workers.VoceroApplication;
import dev.vocero.workers.config.VoceroConfiguration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real application whose provider adapters (the sandboxes) count every request that would reach the provider, by
 * destination number. The counts are static: they add up across the application instances of one test (a restart).
 * Run in a JVM of its own (the crash drills), it also appends each request to the file named by {@value #LOG_PROPERTY}
 * ({@code dial +57…}, {@code send +57…}), a count that outlives the process when it is killed.
 */
public class CountingApplication extends VoceroApplication {
  static final String LOG_PROPERTY = "vocero.drill.providerLog";
  static final Map<String, AtomicInteger> DIALS = new ConcurrentHashMap<>();
  static final Map<String, AtomicInteger> SENDS = new ConcurrentHashMap<>();

  public static void main(String[] args) throws Exception {
    new CountingApplication().run(args);
  }

  private static void count(Map<String, AtomicInteger> counts, String kind, String to) {
    counts.computeIfAbsent(to, k -> new AtomicInteger()).incrementAndGet();
    String log = System.getProperty(LOG_PROPERTY);
    if (log != null) {
      try { // one short line per O_APPEND write: whole even if the process dies right after
        Files.writeString(Path.of(log), kind + " " + to + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** The requests a provider log holds, by {@code "dial +57…"} or {@code "send +57…"}. */
  static Map<String, Integer> logged(Path log) throws IOException {
    Map<String, Integer> counts = new java.util.TreeMap<>();
    if (Files.exists(log)) {
      Files.readAllLines(log).stream().filter(l -> !l.isBlank()).forEach(l -> counts.merge(l, 1, Integer::sum));
    }
    return counts;
  }

  static int dials(String phone) {
    return DIALS.getOrDefault(phone, new AtomicInteger()).get();
  }

  static int sends(String phone) {
    return SENDS.getOrDefault(phone, new AtomicInteger()).get();
  }

  @Override
  protected Telephony telephony(VoceroConfiguration config) {
    return new CountingTelephony(super.telephony(config));
  }

  @Override
  protected Messaging messaging(VoceroConfiguration config) {
    return new CountingMessaging(super.messaging(config));
  }

  private static void close(Object adapter) throws Exception {
    if (adapter instanceof AutoCloseable closeable) {
      closeable.close();
    }
  }

  private record CountingTelephony(Telephony real) implements Telephony, AutoCloseable {
    @Override
    public String provider() {
      return real.provider();
    }

    @Override
    public PlacedCallInfo place(CallRequest request) {
      count(DIALS, "dial", request.to());
      return real.place(request);
    }

    @Override
    public Optional<CallStatusInfo> fetch(String providerCallId) {
      return real.fetch(providerCallId);
    }

    @Override
    public Optional<PlacedCallInfo> findPlaced(CallRequest request, Instant notBefore) {
      return real.findPlaced(request, notBefore);
    }

    @Override
    public void close() throws Exception {
      CountingApplication.close(real);
    }
  }

  private record CountingMessaging(Messaging real) implements Messaging, AutoCloseable {
    @Override
    public String provider() {
      return real.provider();
    }

    @Override
    public SentMessage send(MessageRequest request) {
      count(SENDS, "send", request.to());
      return real.send(request);
    }

    @Override
    public Optional<SentMessage> findSent(MessageRequest request, Instant notBefore) {
      return real.findSent(request, notBefore);
    }

    @Override
    public void close() throws Exception {
      CountingApplication.close(real);
    }
  }
}
