package dev.vocero.activities.alerts;

import dev.vocero.store.SharedDaos;
import dev.vocero.store.alerts.AlertDao;
import dev.vocero.store.alerts.AlertRuleDao;
import dev.vocero.store.alerts.AlertRuleRow;
import dev.vocero.store.alerts.DeliveryDao;
import dev.vocero.store.alerts.NewAlert;
import dev.vocero.store.alerts.WebhookDao;
import dev.vocero.store.alerts.WebhookRow;
import dev.vocero.store.audio.AudioDao;
import dev.vocero.store.audio.AudioRow;
import dev.vocero.store.audio.TranscriptDao;
import dev.vocero.workflows.alerts.AlertActivities;
import dev.vocero.workflows.alerts.AlertIds;
import dev.vocero.workflows.alerts.AlertRequest;
import dev.vocero.workflows.alerts.AlertResult;
import dev.vocero.workflows.audio.AudioFailure;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Raises alerts from the stored transcript and queues their webhook deliveries, in one transaction. */
public final class AlertActivitiesImpl implements AlertActivities {
  private static final Logger LOG = LoggerFactory.getLogger(AlertActivitiesImpl.class);

  private final Jdbi jdbi;
  private final SentimentSource sentiment;
  private final AlertRuleEngine engine = new AlertRuleEngine();

  public AlertActivitiesImpl(Jdbi jdbi, SentimentSource sentiment) {
    this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    this.sentiment = Objects.requireNonNull(sentiment, "sentiment");
  }

  @Override
  public AlertResult raiseAlerts(AlertRequest request) {
    UUID orgId = request.orgId();
    // One pooled handle and one transaction for the whole step: reads, inserts and the pending deliveries
    return jdbi.inTransaction(handle -> {
      AudioRow audio = SharedDaos.attach(handle, AudioDao.class).find(orgId, request.audioId())
          .orElseThrow(() -> AudioFailure.AUDIO_NOT_FOUND.failure("audio " + request.audioId() + " not found"));
      List<AlertRuleRow> rules = SharedDaos.attach(handle, AlertRuleDao.class).listEnabled(orgId);
      List<AlertMatch> matches = rules.isEmpty() ? List.of() : engine.evaluate(rules,
          SharedDaos.attach(handle, TranscriptDao.class).list(orgId, audio.id()), audio.durationMs(),
          sentimentIfNeeded(rules, audio));
      int raised = matches.isEmpty() ? 0 : insertAlerts(handle, audio, matches);
      List<UUID> pending = SharedDaos.attach(handle, DeliveryDao.class).pendingForAudio(orgId, audio.id());
      LOG.info("audio {}: {} rules, {} matches, {} new alerts, {} deliveries pending", audio.id(), rules.size(),
          matches.size(), raised, pending.size());
      return new AlertResult(raised, pending);
    });
  }

  private static int insertAlerts(Handle handle, AudioRow audio, List<AlertMatch> matches) {
    UUID orgId = audio.orgId();
    AlertDao alerts = SharedDaos.attach(handle, AlertDao.class);
    DeliveryDao deliveries = SharedDaos.attach(handle, DeliveryDao.class);
    List<WebhookRow> webhooks = SharedDaos.attach(handle, WebhookDao.class).listEnabledFor(orgId, WebhookRow.ALERT_RAISED);
    int inserted = 0;
    for (AlertMatch match : matches) {
      UUID alertId = UUID.randomUUID();
      NewAlert alert = new NewAlert(alertId, match.rule().id(), match.segmentIdx(), match.startMs(), match.evidence(),
          match.rule().severity());
      if (alerts.insertIfAbsent(orgId, audio.id(), alert) == 0) {
        continue; // raised by an earlier run: its deliveries already exist
      }
      inserted++;
      UUID eventId = AlertIds.alertRaisedEventId(alertId);
      for (WebhookRow webhook : webhooks) {
        deliveries.insertIfAbsent(AlertIds.deliveryId(eventId, webhook.id()), orgId, webhook.id(), eventId,
            WebhookRow.ALERT_RAISED, alertId);
      }
    }
    return inserted;
  }

  private Optional<Double> sentimentIfNeeded(List<AlertRuleRow> rules, AudioRow audio) {
    boolean needed = rules.stream().anyMatch(r -> r.kind().equals("sentiment"));
    return needed ? sentiment.score(audio.orgId(), audio.id()) : Optional.empty();
  }
}
