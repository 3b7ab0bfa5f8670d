package dev.vocero.activities.telephony;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * The development default: simulates Twilio without any network traffic except Twilio-shaped, signed status
 * callbacks to our own {@code statusCallbackUrl} (initiated, ringing, in-progress, then the final status, each with
 * the next SequenceNumber and an {@code X-Twilio-Signature} made with the configured Twilio auth token).
 *
 * <p>The outcome is chosen by the destination number's last digit (delays are real seconds times
 * {@code telephony.sandbox.speed}; AnsweredBy is sent whether or not machine detection was asked for):
 * <table>
 *   <caption>Sandbox outcomes</caption>
 *   <tr><th>last digit</th><th>callbacks after queued</th><th>disposition</th></tr>
 *   <tr><td>0, 6, 7, 8, 9</td><td>initiated, ringing, in-progress after 3 s, completed after 42 s
 *       (AnsweredBy=human, CallDuration=42)</td><td>ANSWERED_HUMAN</td></tr>
 *   <tr><td>1</td><td>initiated, ringing, in-progress after 3 s, completed after 20 s
 *       (AnsweredBy=machine_end_beep, CallDuration=20)</td><td>ANSWERED_MACHINE</td></tr>
 *   <tr><td>2</td><td>initiated, ringing, no-answer after {@code ringSeconds} (default 5)</td><td>NO_ANSWER</td></tr>
 *   <tr><td>3</td><td>initiated, busy (SipResponseCode=486)</td><td>BUSY</td></tr>
 *   <tr><td>4</td><td>initiated, failed (SipResponseCode=503)</td><td>FAILED</td></tr>
 *   <tr><td>5</td><td>initiated, failed (SipResponseCode=404)</td><td>INVALID_NUMBER</td></tr>
 * </table>
 * A destination that is not E.164 is refused at once with {@link TelephonyException.Kind#INVALID_NUMBER}, as Twilio
 * refuses it with error 21211.
 *
 * <p>A call placed with a recording callback URL that ends {@code completed} gets, one simulated second later, a real
 * WAV served over HTTP (see {@link SandboxRecordings}) and a signed recording status callback naming it, with Twilio's
 * parameters (RecordingSid, RecordingUrl, RecordingStatus=completed, RecordingDuration...).
 */
public class SandboxTelephony implements Telephony, AutoCloseable {

  private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{1,14}");
  /** Twilio's magic "valid" From number of test credentials, used when a request names no caller id. */
  private static final String DEFAULT_FROM = "+15005550006";

  private final SandboxConfig config;
  private final Clock clock;
  private final SandboxCallbacks callbacks;
  private final SandboxRecordings recordings;
  private final ScheduledExecutorService executor;
  private final Map<String, SandboxCall> calls = new ConcurrentHashMap<>();
  private final Map<UUID, SandboxCall> byAttempt = new ConcurrentHashMap<>();
  private final SandboxJournal journal;

  /** {@code twilioAuthToken} signs the callbacks, so our webhook verifies them exactly as it verifies Twilio's. */
  public SandboxTelephony(SandboxConfig config, String twilioAuthToken, Clock clock) {
    if (twilioAuthToken == null || twilioAuthToken.isBlank()) {
      throw new IllegalArgumentException("the sandbox signs callbacks with telephony.twilio.authToken: set one");
    }
    this.config = config;
    this.clock = clock;
    this.callbacks = new SandboxCallbacks(twilioAuthToken);
    this.recordings = new SandboxRecordings(config.getAccountSid(), twilioAuthToken);
    this.executor = executor(config.getCallbackThreads());
    this.journal = config.journal("calls.log");
  }

  @Override
  public String provider() {
    return "sandbox";
  }

  @Override
  public PlacedCallInfo place(CallRequest request) {
    if (request.to() == null || !E164.matcher(request.to()).matches()) {
      throw new TelephonyException(TelephonyException.Kind.INVALID_NUMBER, 400, null,
          "sandbox create call failed: error 21211 (Invalid 'To' Phone Number)", null);
    }
    String sid = "CA" + UUID.randomUUID().toString().replace("-", "");
    String from = request.from() == null ? DEFAULT_FROM : request.from();
    SandboxCall call = new SandboxCall(sid, request, from, clock.instant());
    calls.put(sid, call);
    byAttempt.put(request.attemptId(), call);
    journal.add(request.attemptId(), sid, request.to(), call.placedAt());
    List<SandboxStep> script = SandboxOutcome.forNumber(request.to()).script(config.getRingSeconds());
    schedule(call, script, 0);
    return new PlacedCallInfo(sid, "queued");
  }

  @Override
  public Optional<CallStatusInfo> fetch(String providerCallId) {
    return Optional.ofNullable(calls.get(providerCallId)).map(SandboxCall::info);
  }

  @Override
  public Optional<PlacedCallInfo> findPlaced(CallRequest request, Instant notBefore) {
    SandboxCall call = byAttempt.get(request.attemptId());
    if (call == null) { // placed by an earlier run: found, as at Twilio, though how it went is forgotten (fetch: empty)
      return journal.find(request.attemptId())
          .filter(placed -> placed.to().equals(request.to()) && !placed.at().isBefore(notBefore))
          .map(placed -> new PlacedCallInfo(placed.sid(), "unknown"));
    }
    return Optional.of(call)
        .filter(c -> c.request().to().equals(request.to()) && !c.placedAt().isBefore(notBefore))
        .map(c -> new PlacedCallInfo(c.sid(), c.info().status()));
  }

  /** Stops the simulation; calls in flight send no further callbacks. */
  @Override
  public void close() {
    executor.shutdownNow();
    recordings.close();
  }

  private void schedule(SandboxCall call, List<SandboxStep> script, int index) {
    if (index >= script.size() || executor.isShutdown()) {
      return;
    }
    long delayNanos = Math.round(script.get(index).after().toNanos() * config.getSpeed());
    try {
      executor.schedule(() -> run(call, script, index), delayNanos, TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException closing) {
      // close() raced this step: the simulation is over
    }
  }

  /** Each step posts before the next is scheduled, so one call's callbacks arrive in order. */
  private void run(SandboxCall call, List<SandboxStep> script, int index) {
    Map<String, String> form = call.advance(script.get(index), config.getAccountSid(), clock.instant());
    if (call.request().statusCallbackUrl() != null) {
      callbacks.post(call.request().statusCallbackUrl(), form);
    }
    if (index == script.size() - 1 && "completed".equals(form.get("CallStatus"))
        && call.request().recordingCallbackUrl() != null) {
      scheduleRecording(call, form);
    }
    schedule(call, script, index + 1);
  }

  private void scheduleRecording(SandboxCall call, Map<String, String> completed) {
    long delayNanos = Math.round(Duration.ofSeconds(1).toNanos() * config.getSpeed());
    try {
      executor.schedule(() -> postRecording(call, completed), delayNanos, TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException closing) {
      // close() raced this step: the simulation is over
    }
  }

  private void postRecording(SandboxCall call, Map<String, String> completed) {
    String recordingSid = "RE" + UUID.nameUUIDFromBytes(call.sid().getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
    try {
      URI url = recordings.add(recordingSid, call.sid());
      Map<String, String> form = new LinkedHashMap<>();
      form.put("AccountSid", config.getAccountSid());
      form.put("CallSid", call.sid());
      form.put("RecordingSid", recordingSid);
      form.put("RecordingUrl", url.toString());
      form.put("RecordingStatus", "completed");
      form.put("RecordingDuration", completed.getOrDefault("CallDuration", "0"));
      form.put("RecordingChannels", "1");
      form.put("RecordingSource", "OutboundAPI");
      form.put("RecordingStartTime", completed.getOrDefault("Timestamp", ""));
      callbacks.post(call.request().recordingCallbackUrl(), form);
    } catch (IOException e) {
      // no recording server: like a Twilio recording that never arrives, the contact stops waiting by itself
    }
  }

  private static ScheduledExecutorService executor(int threads) {
    AtomicInteger count = new AtomicInteger();
    ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(threads, task -> {
      Thread thread = new Thread(task, "sandbox-telephony-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    executor.setRemoveOnCancelPolicy(true);
    return executor;
  }
}
