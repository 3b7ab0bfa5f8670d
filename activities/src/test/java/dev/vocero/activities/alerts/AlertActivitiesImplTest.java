package dev.vocero.activities.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vocero.store.TestDatabase;
import dev.vocero.store.alerts.AlertDao;
import dev.vocero.store.alerts.AlertRow;
import dev.vocero.store.alerts.DeliveryDao;
import dev.vocero.store.alerts.DeliveryRow;
import dev.vocero.store.alerts.WebhookRow;
import dev.vocero.store.audio.SegmentRow;
import dev.vocero.workflows.alerts.AlertIds;
import dev.vocero.workflows.alerts.AlertRequest;
import dev.vocero.workflows.alerts.AlertResult;
import io.temporal.failure.ApplicationFailure;
import dev.vocero.store.extraction.ExtractionDao;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AlertActivitiesImplTest {
  static Jdbi jdbi;
  static AlertFixtures fixtures;
  /** A sentiment source as the extraction step will provide one. */
  static final Map<UUID, Double> SCORES = new HashMap<>();
  static AlertActivitiesImpl activities;

  static final List<SegmentRow> CALL = List.of(
      new SegmentRow(0, 0, 4000, "Agente", "Le llamo por su deuda.", null),
      new SegmentRow(1, 4000, 9000, "Cliente", "Voy a hablar con mi abogado.", null),
      new SegmentRow(2, 9000, 12000, "Cliente", "Un abogado, sí.", null));

  @BeforeAll
  static void database() {
    jdbi = TestDatabase.fresh().jdbi();
    fixtures = new AlertFixtures(jdbi);
    activities = new AlertActivitiesImpl(jdbi, (org, audio) -> Optional.ofNullable(SCORES.get(audio)));
  }

  private List<AlertRow> alerts(UUID org, UUID audio) {
    return jdbi.onDemand(AlertDao.class).list(org, null, null, audio, 100, 0);
  }

  @Test
  void givenMatchingRulesAndWebhooks_whenRunTwice_itShouldRaiseEachAlertAndDeliveryOnce() {
    UUID org = fixtures.organization();
    UUID audio = fixtures.transcribedAudio(org, CALL);
    fixtures.rule(org, "keyword", "abogado", null, "high");
    fixtures.rule(org, "regex", "deuda", null, "low");
    WebhookRow first = fixtures.webhook(org, "https://hooks.example.com/a", true);
    fixtures.webhook(org, "https://hooks.example.com/b", true);
    fixtures.webhook(org, "https://hooks.example.com/off", false);

    AlertResult result = activities.raiseAlerts(new AlertRequest(org, audio));
    AlertResult again = activities.raiseAlerts(new AlertRequest(org, audio));

    assertEquals(3, result.raised());
    assertEquals(6, result.pendingDeliveries().size(), "3 alerts x 2 enabled webhooks");
    assertEquals(0, again.raised(), "a retry or reprocess raises nothing new");
    assertEquals(result.pendingDeliveries(), again.pendingDeliveries(), "the same deliveries are still pending");
    List<AlertRow> raised = alerts(org, audio);
    assertEquals(3, raised.size());
    AlertRow threat = raised.stream().filter(a -> a.segmentIdx() == 1).findFirst().orElseThrow();
    assertEquals("Voy a hablar con mi abogado.", threat.evidence());
    assertEquals("high", threat.severity());
    assertEquals("open", threat.status());
    UUID deliveryId = AlertIds.deliveryId(AlertIds.alertRaisedEventId(threat.id()), first.id());
    DeliveryRow delivery = jdbi.onDemand(DeliveryDao.class).find(org, deliveryId).orElseThrow();
    assertEquals("pending", delivery.status());
    assertEquals(0, delivery.attempts());
  }

  @Test
  void givenASentimentRule_itShouldFireFromTheSentimentSourceOnlyBelowTheThreshold() {
    UUID org = fixtures.organization();
    UUID unhappy = fixtures.transcribedAudio(org, CALL);
    UUID content = fixtures.transcribedAudio(org, CALL);
    UUID unknown = fixtures.transcribedAudio(org, CALL);
    fixtures.rule(org, "sentiment", null, -0.4, "critical");
    SCORES.put(unhappy, -0.75);
    SCORES.put(content, 0.2);

    assertEquals(1, activities.raiseAlerts(new AlertRequest(org, unhappy)).raised());
    assertEquals(0, activities.raiseAlerts(new AlertRequest(org, unhappy)).raised(), "one whole-audio alert only");
    assertEquals(0, activities.raiseAlerts(new AlertRequest(org, content)).raised());
    assertEquals(0, activities.raiseAlerts(new AlertRequest(org, unknown)).raised());
    AlertRow alert = alerts(org, unhappy).get(0);
    assertEquals(null, alert.segmentIdx());
    assertEquals("critical", alert.severity());
    assertTrue(alert.evidence().contains("-0.75"), alert.evidence());
  }

  @Test
  void givenTheDefaultSentimentSource_itShouldNeverFireASentimentRule() {
    UUID org = fixtures.organization();
    UUID audio = fixtures.transcribedAudio(org, CALL);
    fixtures.rule(org, "sentiment", null, 1.0, "low");

    assertEquals(0, new AlertActivitiesImpl(jdbi, SentimentSource.NONE).raiseAlerts(new AlertRequest(org, audio)).raised());
  }

  @Test
  void givenASentimentExtraction_itShouldFireASentimentRuleFromItsScore() {
    UUID org = fixtures.organization();
    UUID unhappy = fixtures.transcribedAudio(org, CALL);
    UUID failed = fixtures.transcribedAudio(org, CALL);
    fixtures.rule(org, "sentiment", null, -0.4, "high");
    ExtractionDao extractions = jdbi.onDemand(ExtractionDao.class);
    extractions.record(org, unhappy, "sentiment", 1, "ok", "{\"label\":\"negative\",\"score\":-0.8}", "openai", "m",
        null, 1);
    extractions.record(org, failed, "sentiment", 1, "invalid", "{\"score\":-0.9}", "openai", "m", "not valid", 2);
    AlertActivitiesImpl fromExtractions = new AlertActivitiesImpl(jdbi, new ExtractedSentiment(jdbi));

    assertEquals(1, fromExtractions.raiseAlerts(new AlertRequest(org, unhappy)).raised());
    assertEquals(0, fromExtractions.raiseAlerts(new AlertRequest(org, failed)).raised(), "only a valid extraction counts");
    assertEquals(Optional.empty(), new ExtractedSentiment(jdbi).score(fixtures.organization(), unhappy),
        "another organization sees no score");
  }

  @Test
  void givenAnotherOrganizationsRulesAndWebhooks_itShouldUseOnlyTheAudiosOwn() {
    UUID org = fixtures.organization();
    UUID other = fixtures.organization();
    UUID audio = fixtures.transcribedAudio(org, CALL);
    fixtures.rule(other, "keyword", "abogado", null, "high");
    fixtures.webhook(other, "https://hooks.example.com/other", true);

    AlertResult result = activities.raiseAlerts(new AlertRequest(org, audio));

    assertEquals(0, result.raised());
    assertEquals(List.of(), result.pendingDeliveries());
    ApplicationFailure notFound = assertThrows(ApplicationFailure.class,
        () -> activities.raiseAlerts(new AlertRequest(other, audio)));
    assertEquals("AUDIO_NOT_FOUND", notFound.getType());
  }
}
