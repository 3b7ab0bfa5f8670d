package dev.vocero.activities.telephony;

import dev.vocero.domain.telephony.TwilioStatuses;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** One simulated call's state; every change goes through the monitor so fetch never sees half a step. */
final class SandboxCall {

  /** Twilio's callback Timestamp, e.g. {@code Tue, 09 Sep 2025 15:17:00 +0000}. */
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US).withZone(ZoneOffset.UTC);

  private final String sid;
  private final CallRequest request;
  private final String from;
  private final Instant placedAt;
  private String status = "queued";
  private String answeredBy;
  private Long durationSeconds;
  private String sipResponseCode;
  private int nextSequence;

  SandboxCall(String sid, CallRequest request, String from, Instant placedAt) {
    this.sid = sid;
    this.request = request;
    this.from = from;
    this.placedAt = placedAt;
  }

  String sid() {
    return sid;
  }

  CallRequest request() {
    return request;
  }

  Instant placedAt() {
    return placedAt;
  }

  /** Applies the step and returns the Twilio-shaped callback form for it. */
  synchronized Map<String, String> advance(SandboxStep step, String accountSid, Instant now) {
    status = step.callStatus();
    answeredBy = step.params().getOrDefault("AnsweredBy", answeredBy);
    String duration = step.params().get("CallDuration");
    durationSeconds = duration == null ? durationSeconds : Long.valueOf(duration);
    sipResponseCode = step.params().getOrDefault("SipResponseCode", sipResponseCode);
    Map<String, String> form = new LinkedHashMap<>();
    form.put("AccountSid", accountSid);
    form.put("ApiVersion", "2010-04-01");
    form.put("CallSid", sid);
    form.put("CallStatus", status);
    form.put("CallbackSource", "call-progress-events");
    form.put("Called", request.to());
    form.put("Caller", from);
    form.put("Direction", "outbound-api");
    form.put("From", from);
    form.put("To", request.to());
    form.put("SequenceNumber", String.valueOf(nextSequence++));
    form.put("Timestamp", TIMESTAMP.format(now));
    form.putAll(step.params());
    return form;
  }

  synchronized CallStatusInfo info() {
    boolean terminal = TwilioStatuses.terminal(status);
    return new CallStatusInfo(sid, status, terminal,
        CallStatusInfo.disposition(TwilioStatuses.disposition(status, answeredBy, sipResponseCode)), durationSeconds, answeredBy);
  }
}
