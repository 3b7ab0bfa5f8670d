package dev.vocero.activities.messaging;

import dev.vocero.activities.telephony.SandboxCallbacks;
import dev.vocero.activities.telephony.SandboxConfig;
import dev.vocero.activities.telephony.SandboxJournal;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The development default: simulates Twilio Messaging with no network traffic except Twilio-shaped, signed status
 * callbacks to the message's {@code statusCallbackUrl} and signed inbound replies to our inbound webhook, both made
 * with the configured Twilio auth token so our webhooks verify them exactly as Twilio's.
 *
 * <p>The outcome is chosen by the destination number's last digit (delays are seconds times
 * {@code telephony.sandbox.speed}):
 * <table>
 *   <caption>Messaging sandbox outcomes</caption>
 *   <tr><th>last digit</th><th>what happens</th></tr>
 *   <tr><td>0, 6, 7, 8</td><td>queued, sent after 1 s, delivered after 2 s (WhatsApp: read after 5 s more)</td></tr>
 *   <tr><td>1</td><td>delivered as above, then the contact replies "BAJA" (an opt-out)</td></tr>
 *   <tr><td>2</td><td>queued, sent, then undelivered with ErrorCode 30003 (unreachable handset)</td></tr>
 *   <tr><td>3</td><td>the first send is refused with HTTP 503 (retryable); the retry is delivered</td></tr>
 *   <tr><td>4</td><td>refused at once with error 21610 (the recipient unsubscribed): final</td></tr>
 *   <tr><td>5</td><td>refused at once with error 21211 (invalid 'To' number): final</td></tr>
 *   <tr><td>9</td><td>delivered, then the contact replies "Gracias, ya realicé el pago."</td></tr>
 * </table>
 */
public class SandboxMessaging implements Messaging, AutoCloseable {
  private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{1,14}");

  private final SandboxConfig config;
  private final URI inboundUrl;
  private final Clock clock;
  private final SandboxCallbacks callbacks;
  private final ScheduledExecutorService executor;
  private final Map<UUID, Sent> byMessage = new ConcurrentHashMap<>();
  private final Map<UUID, Integer> tries = new ConcurrentHashMap<>();
  private final SandboxJournal journal;

  private record Sent(String sid, MessageRequest request, Instant at) {}

  /** {@code inboundUrl}: where replies are posted, as the number's "A message comes in" URL at Twilio. */
  public SandboxMessaging(SandboxConfig config, String twilioAuthToken, URI inboundUrl, Clock clock) {
    if (twilioAuthToken == null || twilioAuthToken.isBlank()) {
      throw new IllegalArgumentException("the sandbox signs callbacks with telephony.twilio.authToken: set one");
    }
    this.config = config;
    this.inboundUrl = inboundUrl;
    this.clock = clock;
    this.callbacks = new SandboxCallbacks(twilioAuthToken);
    this.journal = config.journal("messages.log");
    this.executor = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "sandbox-messaging");
      thread.setDaemon(true);
      return thread;
    });
  }

  @Override
  public String provider() {
    return "sandbox";
  }

  @Override
  public SentMessage send(MessageRequest request) {
    if (request.to() == null || !E164.matcher(request.to()).matches()) {
      throw refused("21211", "Invalid 'To' Phone Number");
    }
    SandboxMessageOutcome outcome = SandboxMessageOutcome.forNumber(request.to());
    int attempt = tries.merge(request.messageId(), 1, Integer::sum);
    switch (outcome) {
      case INVALID_NUMBER -> throw refused("21211", "Invalid 'To' Phone Number");
      case UNSUBSCRIBED -> throw refused("21610", "Attempt to send to unsubscribed recipient");
      case BUSY_ONCE -> {
        if (attempt == 1) {
          throw new MessagingException(MessagingException.Kind.RETRYABLE, null,
              "sandbox send message failed: HTTP 503 (Service Unavailable); will retry", null);
        }
      }
      default -> { }
    }
    String sid = newSid();
    Sent sent = new Sent(sid, request, clock.instant());
    byMessage.put(request.messageId(), sent);
    journal.add(request.messageId(), sid, request.to(), sent.at());
    schedule(sent, outcome, outcome.script(MessageRequest.WHATSAPP.equals(request.channel())), 0);
    return new SentMessage(sid, "queued");
  }

  @Override
  public Optional<SentMessage> findSent(MessageRequest request, Instant notBefore) {
    Sent sent = byMessage.get(request.messageId());
    if (sent == null) { // sent by an earlier run: found, as at Twilio
      return journal.find(request.messageId()).filter(earlier -> !earlier.at().isBefore(notBefore))
          .map(earlier -> new SentMessage(earlier.sid(), "sent"));
    }
    return Optional.of(sent).filter(s -> !s.at().isBefore(notBefore)).map(s -> new SentMessage(s.sid(), "queued"));
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }

  private static String newSid() {
    return "SM" + UUID.randomUUID().toString().replace("-", "");
  }

  private static MessagingException refused(String code, String why) {
    return new MessagingException(MessagingException.Kind.REJECTED, code,
        "sandbox send message failed: HTTP 400, error " + code + " (" + why + ")", null);
  }

  private void schedule(Sent sent, SandboxMessageOutcome outcome, List<SandboxMessageOutcome.Step> script, int index) {
    double seconds = index < script.size() ? script.get(index).afterSeconds() : 3;
    try {
      executor.schedule(() -> run(sent, outcome, script, index), Math.round(seconds * 1e9 * config.getSpeed()),
          TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException closing) {
      // close() raced this step: the simulation is over
    }
  }

  /** Each callback is posted before the next is scheduled, so one message's callbacks arrive in order. */
  private void run(Sent sent, SandboxMessageOutcome outcome, List<SandboxMessageOutcome.Step> script, int index) {
    MessageRequest request = sent.request();
    if (index >= script.size()) {
      if (outcome.reply() != null && inboundUrl != null) {
        callbacks.post(inboundUrl, inbound(request, outcome.reply()));
      }
      return;
    }
    SandboxMessageOutcome.Step step = script.get(index);
    if (request.statusCallbackUrl() != null) {
      Map<String, String> form = new LinkedHashMap<>();
      form.put("AccountSid", config.getAccountSid());
      form.put("MessageSid", sent.sid());
      form.put("SmsSid", sent.sid());
      form.put("From", request.address(request.from()));
      form.put("To", request.address(request.to()));
      form.put("MessageStatus", step.status());
      form.put("SmsStatus", step.status());
      form.put("ApiVersion", "2010-04-01");
      if (step.errorCode() != null) {
        form.put("ErrorCode", step.errorCode());
      }
      callbacks.post(request.statusCallbackUrl(), form);
    }
    if (index < script.size() - 1 || outcome.reply() != null) {
      schedule(sent, outcome, script, index + 1);
    }
  }

  private Map<String, String> inbound(MessageRequest request, String body) {
    String sid = newSid();
    Map<String, String> form = new LinkedHashMap<>();
    form.put("AccountSid", config.getAccountSid());
    form.put("MessageSid", sid);
    form.put("SmsMessageSid", sid);
    form.put("SmsSid", sid);
    form.put("From", request.address(request.to()));
    form.put("To", request.address(request.from()));
    form.put("Body", body);
    form.put("NumMedia", "0");
    form.put("NumSegments", "1");
    form.put("SmsStatus", "received");
    form.put("ApiVersion", "2010-04-01");
    return form;
  }
}
