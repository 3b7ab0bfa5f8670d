package dev.vocero.activities.alerts;

import dev.vocero.store.alerts.AlertDao;
import dev.vocero.store.alerts.DeliveryDao;
import dev.vocero.store.alerts.DeliveryTarget;
import dev.vocero.store.events.WebhookEventDao;
import dev.vocero.workflows.alerts.AlertFailure;
import dev.vocero.workflows.alerts.DeliveryGiveUp;
import dev.vocero.workflows.alerts.DeliveryRequest;
import dev.vocero.workflows.alerts.DeliveryResult;
import dev.vocero.workflows.alerts.WebhookActivities;
import io.temporal.failure.ApplicationFailure;
import dev.vocero.activities.net.GuardedHttp;
import dev.vocero.activities.net.PublicAddresses;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** POSTs signed events to outbound webhooks; one call is one attempt, recorded in webhook_deliveries. */
public final class WebhookActivitiesImpl implements WebhookActivities {
  /** Type of the retryable failure: 408, 429, 5xx or no answer at all. */
  public static final String WEBHOOK_RETRYABLE = "WebhookRetryable";
  public static final String DELIVERY_HEADER = "Vocero-Delivery";
  public static final String EVENT_HEADER = "Vocero-Event";

  private static final Logger LOG = LoggerFactory.getLogger(WebhookActivitiesImpl.class);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration MAX_RETRY_AFTER = Duration.ofHours(1);
  private static final int MAX_ERROR_CHARS = 500;

  private final Jdbi jdbi;
  private final GuardedHttp http;
  private final Clock clock;

  /** Receivers inside private networks are refused; see {@link PublicAddresses}. */
  public WebhookActivitiesImpl(Jdbi jdbi, Clock clock) {
    this(jdbi, clock, new PublicAddresses(false));
  }

  public WebhookActivitiesImpl(Jdbi jdbi, Clock clock, PublicAddresses receivers) {
    this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    this.clock = Objects.requireNonNull(clock, "clock");
    // Redirects are not followed: a 3xx counts as a refusal, so the signed body only goes where it was configured.
    this.http = new GuardedHttp(Objects.requireNonNull(receivers, "receivers"), host -> true, Duration.ofSeconds(10),
        REQUEST_TIMEOUT, 0);
  }

  /** What a receiver answered: its status, Retry-After and the start of its body. */
  private record Answer(int status, String retryAfter, String body) {}

  @Override
  public DeliveryResult deliver(DeliveryRequest request) {
    DeliveryDao deliveries = jdbi.onDemand(DeliveryDao.class);
    Optional<DeliveryTarget> found = deliveries.target(request.orgId(), request.deliveryId());
    if (found.isEmpty()) {
      return new DeliveryResult("skipped"); // the webhook (or the alert's audio) was deleted
    }
    DeliveryTarget target = found.get();
    if (!target.status().equals("pending")) {
      return new DeliveryResult(target.status());
    }
    if (!target.enabled()) {
      deliveries.giveUp(request.orgId(), target.id(), "webhook disabled before delivery");
      return new DeliveryResult("skipped");
    }
    Optional<String> body = target.alertId() != null
        ? jdbi.onDemand(AlertDao.class).find(request.orgId(), target.alertId())
            .map(alert -> AlertEvents.alertRaised(target.eventId(), alert))
        : jdbi.onDemand(WebhookEventDao.class).find(request.orgId(), target.eventId()).map(BusinessEvents::envelope);
    if (body.isEmpty()) {
      deliveries.giveUp(request.orgId(), target.id(), target.alertId() != null ? "alert deleted" : "event deleted");
      return new DeliveryResult("skipped");
    }
    return send(deliveries, target, body.get());
  }

  private DeliveryResult send(DeliveryDao deliveries, DeliveryTarget target, String body) {
    URI uri = URI.create(target.url());
    String host = uri.getHost();
    HttpPost post = new HttpPost(uri);
    post.setHeader("User-Agent", "Vocero-Webhooks/1");
    post.setHeader(EVENT_HEADER, target.eventType());
    post.setHeader(DELIVERY_HEADER, target.id().toString());
    post.setHeader(WebhookSignature.HEADER, WebhookSignature.header(target.secret(), clock.instant().getEpochSecond(), body));
    post.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON.withCharset(StandardCharsets.UTF_8)));
    Answer response;
    try {
      response = http.execute(post, answer -> new Answer(answer.getCode(),
          java.util.Optional.ofNullable(answer.getFirstHeader("Retry-After")).map(Header::getValue).orElse(null),
          answer.getEntity() == null ? "" : GuardedHttp.head(answer.getEntity().getContent(), 4 * MAX_ERROR_CHARS)));
    } catch (PublicAddresses.RefusedAddress e) {
      String error = "refused: " + e.getMessage() + "; webhooks go to public addresses unless"
          + " webhooks.allowPrivateNetworks is true";
      deliveries.recordAttempt(target.orgId(), target.id(), "failed", null, error);
      LOG.warn("delivery {} to {}: {}", target.id(), host, error);
      throw AlertFailure.WEBHOOK_REJECTED.failure(error);
    } catch (UnknownHostException e) {
      String error = "the receiver's host name does not resolve";
      deliveries.recordAttempt(target.orgId(), target.id(), "pending", null, error);
      LOG.info("delivery {} to {}: {}", target.id(), host, error);
      throw ApplicationFailure.newFailure(error, WEBHOOK_RETRYABLE);
    } catch (IOException e) {
      String error = (e instanceof InterruptedIOException ? "no answer within the timeout" : "could not reach the receiver")
          + " (" + e.getClass().getSimpleName() + ")";
      deliveries.recordAttempt(target.orgId(), target.id(), "pending", null, error);
      LOG.info("delivery {} to {}: {}", target.id(), host, error);
      throw ApplicationFailure.newFailure(error, WEBHOOK_RETRYABLE);
    }
    int status = response.status();
    if (status >= 200 && status < 300) {
      deliveries.recordAttempt(target.orgId(), target.id(), "delivered", status, null);
      LOG.info("delivery {} to {}: {} after {} attempts", target.id(), host, status, target.attempts() + 1);
      return new DeliveryResult("delivered");
    }
    String error = "receiver answered " + status + excerpt(response.body());
    boolean retryable = status == 408 || status == 429 || status >= 500;
    deliveries.recordAttempt(target.orgId(), target.id(), retryable ? "pending" : "failed", status, error);
    LOG.info("delivery {} to {}: {} ({})", target.id(), host, status, retryable ? "will retry" : "refused, not retried");
    if (!retryable) {
      throw AlertFailure.WEBHOOK_REJECTED.failure(error);
    }
    throw retryable(error, response);
  }

  private static ApplicationFailure retryable(String error, Answer response) {
    ApplicationFailure.Builder failure = ApplicationFailure.newBuilder().setMessage(error).setType(WEBHOOK_RETRYABLE);
    retryAfter(response).ifPresent(failure::setNextRetryDelay);
    return failure.build();
  }

  /** Honours a Retry-After in seconds (429, 503), capped at an hour. */
  private static Optional<Duration> retryAfter(Answer response) {
    return Optional.ofNullable(response.retryAfter())
        .filter(v -> v.trim().matches("\\d{1,7}"))
        .map(v -> Duration.ofSeconds(Long.parseLong(v.trim())))
        .map(d -> d.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : d);
  }

  private static String excerpt(String body) {
    if (body == null || body.isBlank()) {
      return "";
    }
    String oneLine = body.strip().replaceAll("\\s+", " ");
    return ": " + (oneLine.length() > MAX_ERROR_CHARS ? oneLine.substring(0, MAX_ERROR_CHARS) + "…" : oneLine);
  }

  @Override
  public void giveUp(DeliveryGiveUp giveUp) {
    jdbi.onDemand(DeliveryDao.class).giveUp(giveUp.orgId(), giveUp.deliveryId(), giveUp.reason());
  }
}
