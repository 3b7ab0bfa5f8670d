package dev.vocero.activities.telephony;

import dev.vocero.domain.telephony.TwilioSignatures;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Posts status callbacks to our own webhook the way Twilio does: a signed form POST, never retried. */
public final class SandboxCallbacks {

  private static final Logger LOG = LoggerFactory.getLogger(SandboxCallbacks.class);

  private final String authToken;
  private final HttpClient client;

  public SandboxCallbacks(String authToken) {
    this.authToken = authToken;
    this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  /** Posts and waits for our webhook's answer. */
  public void post(URI url, Map<String, String> form) {
    postAsync(url, form).join();
  }

  /**
   * Posts without holding a thread while our webhook answers (Twilio posts its callbacks from a fleet of senders, not a
   * few threads that wait: eight waiting threads capped the dispatch benchmark at about 260 callbacks a second). The
   * future completes, never exceptionally, once the webhook answered or the post failed; a failure is logged, as
   * Twilio would drop it.
   */
  public CompletableFuture<Void> postAsync(URI url, Map<String, String> form) {
    String body = form.entrySet().stream()
        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&"));
    HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
        .header("User-Agent", "TwilioProxy/1.1 (vocero-sandbox)")
        .header("X-Twilio-Signature", TwilioSignatures.sign(authToken, url.toString(), form))
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    return client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((response, failure) -> {
      if (failure != null) {
        LOG.warn("telephony provider=sandbox callback callSid={} callStatus={} failed: {}", form.get("CallSid"),
            form.get("CallStatus"), failure instanceof CompletionException e && e.getCause() != null
                ? e.getCause().toString() : failure.toString());
      } else if (form.containsKey("MessageSid")) {
        LOG.info("messaging provider=sandbox callback messageSid={} messageStatus={} status={}", form.get("MessageSid"),
            form.get("MessageStatus"), response.statusCode());
      } else {
        LOG.info("telephony provider=sandbox callback callSid={} callStatus={} recordingStatus={} sequence={} status={}",
            form.get("CallSid"), form.get("CallStatus"), form.get("RecordingStatus"), form.get("SequenceNumber"),
            response.statusCode());
      }
      return null;
    });
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
