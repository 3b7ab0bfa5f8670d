package dev.vocero.store.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vocero.store.TestDatabase;
import dev.vocero.store.accounts.OrganizationDao;
import dev.vocero.store.alerts.WebhookDao;
import dev.vocero.store.alerts.WebhookRow;
import dev.vocero.store.campaigns.CampaignDao;
import dev.vocero.store.messaging.MessageDao;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The outbox triggers of V27 on a real PostgreSQL: one event per fact, in the fact's transaction, per organization. */
class BusinessEventTriggersTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static Jdbi jdbi;
  final UUID org = UUID.randomUUID();
  final UUID other = UUID.randomUUID();
  UUID webhook;

  @BeforeAll
  static void database() {
    jdbi = TestDatabase.fresh().jdbi();
  }

  @BeforeEach
  void organizations() {
    jdbi.useExtension(OrganizationDao.class, dao -> {
      dao.insert(org, "Eventos");
      dao.insert(other, "Otra");
    });
    webhook = webhook(org, true, WebhookRow.EVENT_TYPES.subList(1, WebhookRow.EVENT_TYPES.size()));
    webhook(org, false, WebhookRow.EVENT_TYPES); // disabled: receives nothing
    webhook(org, true, List.of(WebhookRow.ALERT_RAISED)); // not subscribed: receives nothing
    webhook(other, true, WebhookRow.EVENT_TYPES); // another organization: receives nothing of org's
  }

  @Test
  void givenAMessage_whenItsStatusAdvances_itShouldEmitOneMaskedEventPerStatusForTheSubscribedWebhookOnly() {
    UUID id = UUID.randomUUID();
    MessageDao dao = jdbi.onDemand(MessageDao.class);
    dao.insertOutbound(id, org, null, null, "+573001234567", "sms", "Hola", null, null, "pending", null);
    dao.markProcessing(id);
    dao.markAccepted(id, "twilio", "SM" + "2".repeat(32), "sent");
    dao.advance(id, "delivered", null);
    dao.advance(id, "sent", null); // late and ignored: no event
    dao.advance(id, "delivered", null); // the same status again: no event

    List<WebhookEventRow> events = events(WebhookRow.MESSAGE_STATUS);
    assertEquals(List.of("processing", "sent", "delivered"), events.stream().map(e -> data(e).get("status").asText()).toList());
    JsonNode delivered = data(events.get(2));
    assertEquals(id.toString(), delivered.get("messageId").asText());
    assertEquals("sent", delivered.get("previousStatus").asText());
    assertEquals("+57300•••4567", delivered.get("phone").asText());
    assertFalse(events.stream().anyMatch(e -> e.data().contains("3001234567")), "no full number");
    assertEquals(3, deliveries(webhook), "one delivery per event, to the subscribed webhook");
    assertEquals(3, totalDeliveries(), "none to the disabled, unsubscribed or other organization's webhooks");
    int waiting = jdbi.withHandle(h -> h.createQuery("select count(*) from webhook_deliveries where needs_dispatch")
        .mapTo(Integer.class).one());
    assertEquals(3, waiting, "waiting for the dispatcher");
  }

  @Test
  void givenACampaign_whenPausedTwiceAndItsDaysRecorded_itShouldEmitEachPauseAndEachDayOnce() {
    UUID campaign = UUID.randomUUID();
    jdbi.useHandle(h -> h.execute("insert into campaigns (id, org_id, name, state, start_date, end_date, weekdays,"
        + " window_start, window_end, time_zone) values (?, ?, 'Diciembre', 'running', '2026-12-01', '2026-12-31',"
        + " array['MON'], '09:00', '18:00', 'America/Bogota')", campaign, org));
    pause(campaign, "no_credit");
    jdbi.useHandle(h -> h.execute("update campaigns set state = 'running', pause_reason = null where id = ?", campaign));
    pause(campaign, null);
    List<WebhookEventRow> pauses = events(WebhookRow.CAMPAIGN_PAUSED);
    assertEquals(List.of("no_credit", "operator"), pauses.stream().map(e -> data(e).get("reason").asText()).toList());
    assertNotEquals(pauses.get(0).id(), pauses.get(1).id(), "two pauses, two facts");
    assertEquals("Diciembre", data(pauses.get(0)).get("name").asText());

    CampaignDao days = jdbi.onDemand(CampaignDao.class);
    days.upsertDay(campaign, org, LocalDate.parse("2026-12-01"), 10, 8, "{\"answered_human\":5,\"no_answer\":3}", 4, "{}");
    days.upsertDay(campaign, org, LocalDate.parse("2026-12-01"), 10, 9, "{\"answered_human\":6,\"no_answer\":3}", 4, "{}");
    days.upsertDay(campaign, org, LocalDate.parse("2026-12-02"), 3, 3, "{}", 0, "{}");
    List<WebhookEventRow> closed = events(WebhookRow.CAMPAIGN_DAY_COMPLETED);
    assertEquals(List.of("2026-12-01", "2026-12-02"), closed.stream().map(e -> data(e).get("day").asText()).toList());
    JsonNode first = data(closed.get(0));
    assertEquals(10, first.get("callsStarted").asInt());
    assertEquals(5, first.at("/finishedByDisposition/answered_human").asInt());
    assertEquals(4, deliveries(webhook));
  }

  @Test
  void givenAnAudioWithExtractions_whenItCompletes_itShouldCarryThemAndAReprocessIsANewEvent() {
    UUID audio = UUID.randomUUID();
    jdbi.useHandle(h -> {
      h.execute("insert into audios (id, org_id, content_type, size_bytes, sha256, blob_key, status, duration_ms)"
          + " values (?, ?, 'audio/wav', 10, 'abc', 'k', 'analyzing', 1500)", audio, org);
      h.execute("insert into extractions (org_id, audio_id, extractor, extractor_version, status, result)"
          + " values (?, ?, 'promesa_pago', 1, 'ok', '{\"fecha\": \"2026-12-15\", \"monto\": 150000}')", org, audio);
      h.execute("update audios set status = 'completed', completed_at = now() where id = ?", audio);
      h.execute("update audios set title = 'otra' where id = ?", audio); // not a status change: no event
    });
    JsonNode data = data(single(events(WebhookRow.AUDIO_COMPLETED)));
    assertEquals(audio.toString(), data.get("audioId").asText());
    assertEquals(1500, data.get("durationMs").asLong());
    assertEquals("promesa_pago", data.at("/extractions/0/extractor").asText());
    assertEquals(150000, data.at("/extractions/0/result/monto").asInt());

    jdbi.useHandle(h -> {
      h.execute("update audios set status = 'transcribing' where id = ?", audio);
      h.execute("update audios set status = 'completed' where id = ?", audio);
    });
    assertEquals(2, events(WebhookRow.AUDIO_COMPLETED).size(), "a reprocess completes again");
  }

  @Test
  void givenAFactWhoseTransactionRollsBack_itShouldLeaveNoEvent() {
    UUID id = UUID.randomUUID();
    jdbi.onDemand(MessageDao.class).insertOutbound(id, org, null, null, "+573001234567", "sms", "Hola", null, null,
        "pending", null);
    assertThrows(IllegalStateException.class, () -> jdbi.useTransaction(h -> {
      h.attach(MessageDao.class).advance(id, "failed", "30003");
      throw new IllegalStateException("the fact's transaction fails");
    }));
    assertTrue(events(WebhookRow.MESSAGE_STATUS).isEmpty());
    assertEquals(0, totalDeliveries());
  }

  private void pause(UUID campaign, String reason) {
    jdbi.useHandle(h -> h.execute("update campaigns set state = 'paused', pause_reason = ? where id = ?", reason, campaign));
  }

  private UUID webhook(UUID orgId, boolean enabled, List<String> types) {
    UUID id = UUID.randomUUID();
    jdbi.useExtension(WebhookDao.class, dao -> dao.insert(new WebhookRow(id, orgId, "https://crm.example.com/" + id,
        "whsec_x", null, enabled, types, null, null)));
    return id;
  }

  private List<WebhookEventRow> events(String type) {
    List<WebhookEventRow> mine = jdbi.onDemand(WebhookEventDao.class).listOfType(org, type);
    assertTrue(jdbi.onDemand(WebhookEventDao.class).listOfType(other, type).isEmpty());
    return mine;
  }

  private static WebhookEventRow single(List<WebhookEventRow> events) {
    assertEquals(1, events.size(), events.toString());
    return events.get(0);
  }

  private static JsonNode data(WebhookEventRow event) {
    try {
      return JSON.readTree(event.data());
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  private int deliveries(UUID webhookId) {
    return jdbi.withHandle(h -> h.createQuery("select count(*) from webhook_deliveries where webhook_id = ?")
        .bind(0, webhookId).mapTo(Integer.class).one());
  }

  private int totalDeliveries() {
    return jdbi.withHandle(h -> h.createQuery("select count(*) from webhook_deliveries where org_id in (?, ?)")
        .bind(0, org).bind(1, other).mapTo(Integer.class).one());
  }
}
