package dev.vocero.api.alerts;

import dev.vocero.store.alerts.AlertRow;
import dev.vocero.store.alerts.AlertRuleRow;
import dev.vocero.store.alerts.DeliveryRow;
import dev.vocero.store.alerts.WebhookRow;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Response bodies of /api/v1/alert-rules, /api/v1/alerts and /api/v1/webhooks. */
public final class AlertViews {
  private AlertViews() {}

  public record Rule(UUID id, String name, String kind, String pattern, Double threshold, String speaker,
      Integer firstMinutes, Integer lastMinutes, boolean inQuestion, String severity, boolean enabled,
      Instant createdAt, Instant updatedAt) {
    static Rule of(AlertRuleRow r) {
      return new Rule(r.id(), r.name(), r.kind(), r.pattern(), r.threshold(), r.speaker(), r.firstMinutes(),
          r.lastMinutes(), r.inQuestion(), r.severity(), r.enabled(), r.createdAt(), r.updatedAt());
    }
  }

  public record Alert(UUID id, UUID ruleId, String ruleName, String ruleKind, UUID audioId, Integer segmentIndex,
      long startMs, String evidence, String severity, String status, UUID assigneeId, Instant resolvedAt,
      UUID resolvedBy, String note, Instant createdAt, Instant updatedAt) {
    static Alert of(AlertRow a) {
      return new Alert(a.id(), a.ruleId(), a.ruleName(), a.ruleKind(), a.audioId(), a.segmentIdx(), a.startMs(),
          a.evidence(), a.severity(), a.status(), a.assigneeId(), a.resolvedAt(), a.resolvedBy(), a.note(),
          a.createdAt(), a.updatedAt());
    }
  }


  /** A webhook as listed: never its secret. */
  public record Webhook(UUID id, String url, String description, boolean enabled, List<String> eventTypes,
      Instant createdAt, Instant updatedAt) {
    static Webhook of(WebhookRow w) {
      return new Webhook(w.id(), w.url(), w.description(), w.enabled(), w.eventTypes(), w.createdAt(), w.updatedAt());
    }
  }

  /** The answer to a create: the only time the signing secret is shown. */
  public record CreatedWebhook(UUID id, String url, String description, boolean enabled, List<String> eventTypes,
      String secret, Instant createdAt) {
    static CreatedWebhook of(WebhookRow w) {
      return new CreatedWebhook(w.id(), w.url(), w.description(), w.enabled(), w.eventTypes(), w.secret(), w.createdAt());
    }
  }

  /** One event for one webhook; {@code replayOf} names the delivery a replay repeats (same {@code eventId}). */
  public record Delivery(UUID id, UUID eventId, String eventType, UUID alertId, String status, int attempts,
      Integer lastStatusCode, String lastError, Instant createdAt, Instant updatedAt, Instant deliveredAt,
      UUID replayOf) {
    static Delivery of(DeliveryRow d) {
      return new Delivery(d.id(), d.eventId(), d.eventType(), d.alertId(), d.status(), d.attempts(), d.lastStatusCode(),
          d.lastError(), d.createdAt(), d.updatedAt(), d.deliveredAt(), d.replayOf());
    }
  }

}
