package dev.vocero.activities.telephony;

import dev.vocero.domain.telephony.TwilioSignatures;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
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

  public void post(URI url, Map<String, String> form) {
    String body = form.entrySet().stream()
        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&"));
    HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
        .header("User-Agent", "TwilioProxy/1.1 (vocero-sandbox)")
        .header("X-Twilio-Signature", TwilioSignatures.sign(authToken, url.toString(), form))
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    try {
      int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      if (form.containsKey("MessageSid")) {
        LOG.info("messaging provider=sandbox callback messageSid={} messageStatus={} status={}", form.get("MessageSid"),
            form.get("MessageStatus"), status);
      } else {
        LOG.info("telephony provider=sandbox callback callSid={} callStatus={} recordingStatus={} sequence={} status={}",
            form.get("CallSid"), form.get("CallStatus"), form.get("RecordingStatus"), form.get("SequenceNumber"), status);
      }
    } catch (IOException e) {
      LOG.warn("telephony provider=sandbox callback callSid={} callStatus={} failed: {}", form.get("CallSid"),
          form.get("CallStatus"), e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
