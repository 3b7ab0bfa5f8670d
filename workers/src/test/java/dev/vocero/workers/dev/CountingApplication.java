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
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real application whose provider adapters (the sandboxes) count every request that would reach the provider, by
 * destination number. The counts are static: they add up across the application instances of one test (a restart).
 */
public class CountingApplication extends VoceroApplication {
  static final Map<String, AtomicInteger> DIALS = new ConcurrentHashMap<>();
  static final Map<String, AtomicInteger> SENDS = new ConcurrentHashMap<>();

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
      DIALS.computeIfAbsent(request.to(), k -> new AtomicInteger()).incrementAndGet();
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
      SENDS.computeIfAbsent(request.to(), k -> new AtomicInteger()).incrementAndGet();
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
