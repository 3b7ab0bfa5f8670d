package dev.vocero.store.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vocero.store.TestDatabase;
import dev.vocero.store.accounts.OrganizationDao;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MessageDaoTest {
  static Jdbi jdbi;
  final UUID org = UUID.randomUUID();

  @BeforeAll
  static void database() {
    jdbi = TestDatabase.fresh().jdbi();
  }

  private UUID message() {
    jdbi.useExtension(OrganizationDao.class, dao -> dao.insert(org, "Mensajes"));
    UUID id = UUID.randomUUID();
    jdbi.useExtension(MessageDao.class, dao -> dao.insertOutbound(id, org, null, null, "+573001234567", "sms", "Hola",
        null, null, "pending", null));
    return id;
  }

  private String state(UUID id) {
    return jdbi.withExtension(MessageDao.class, dao -> dao.findById(id)).orElseThrow().state();
  }

  @Test
  void givenStatusesInAnyOrder_whenAdvancing_itShouldOnlyMoveForwardAndKeepFinalStates() {
    UUID id = message();
    MessageDao dao = jdbi.onDemand(MessageDao.class);
    assertEquals(1, dao.markProcessing(id));
    assertEquals(1, dao.markAccepted(id, "twilio", "SM" + "1".repeat(32), "processing"));
    assertEquals(0, dao.markProcessing(id), "a message the provider has is not tried again");

    assertEquals(1, dao.advance(id, "delivered", null));
    assertEquals(0, dao.advance(id, "sent", null), "a late 'sent' never overwrites 'delivered'");
    assertEquals(0, dao.advance(id, "failed", "30003"), "delivered and failed do not replace each other");
    assertEquals(1, dao.advance(id, "read", null));
    assertEquals("read", state(id));
  }

  @Test
  void givenAFailedMessage_whenLaterStatusesArrive_itShouldStayFailedWithItsCode() {
    UUID id = message();
    MessageDao dao = jdbi.onDemand(MessageDao.class);
    assertEquals(1, dao.advance(id, "failed", "21610"));
    assertEquals(0, dao.advance(id, "delivered", null));
    assertEquals(0, dao.advance(id, "read", null));
    MessageRow row = dao.findById(id).orElseThrow();
    assertEquals("failed", row.state());
    assertEquals("21610", row.errorCode());
  }

  @Test
  void givenTheSameId_whenRecordedTwice_itShouldKeepOneRow() {
    UUID id = message();
    int inserted = jdbi.onDemand(MessageDao.class).insertOutbound(id, org, null, null, "+573001234567", "sms",
        "Otro texto", null, null, "pending", null);
    assertEquals(0, inserted);
    assertEquals("Hola", jdbi.withExtension(MessageDao.class, dao -> dao.findById(id)).orElseThrow().body());
  }

  @Test
  void givenWaveMessagesRepliesAndATakeover_whenListingTheInbox_itShouldShowConversationsNewestFirst() {
    UUID other = UUID.randomUUID();
    jdbi.useExtension(OrganizationDao.class, dao -> {
      dao.insert(org, "Mensajes");
      dao.insert(other, "Otra");
    });
    MessageDao dao = jdbi.onDemand(MessageDao.class);
    Instant now = Instant.parse("2026-12-07T10:00:00Z");
    at(insertOutbound(dao, org, "+573001110001"), now.minusSeconds(600)); // a wave's message nobody answered
    at(insertOutbound(dao, org, "+573001110002"), now.minusSeconds(500));
    UUID reply = UUID.randomUUID();
    dao.insertInbound(reply, org, null, "+573001110002", "sms", "¿Cuánto debo?", "twilio", "SM" + "2".repeat(32));
    at(reply, now.minusSeconds(60));
    UUID operator = UUID.randomUUID();
    dao.takeOver(org, "+573001110003", null, MessageDao.BY_OPERATOR);
    dao.insertByOperator(operator, org, null, "+573001110003", "whatsapp", "Le escribo por su cuenta", null);
    at(operator, now);
    UUID elsewhere = UUID.randomUUID();
    dao.insertInbound(elsewhere, other, null, "+573001110002", "sms", "Hola", "twilio", "SM" + "3".repeat(32));

    List<MessageDao.InboxEntry> inbox = dao.inbox(org, 10);
    assertEquals(List.of("+573001110003", "+573001110002"), inbox.stream().map(MessageDao.InboxEntry::phoneE164).toList());
    MessageDao.InboxEntry takenOver = inbox.get(0);
    assertEquals(operator, takenOver.lastMessageId());
    assertEquals("outbound", takenOver.direction());
    assertEquals(MessageDao.BY_OPERATOR, takenOver.takeoverReason());
    MessageDao.InboxEntry answered = inbox.get(1);
    assertEquals(reply, answered.lastMessageId());
    assertEquals("inbound", answered.direction());
    assertEquals("¿Cuánto debo?", answered.body());
    assertEquals(2, answered.messages(), "the other organisation's message is not counted");
    assertEquals(null, answered.takeoverReason());
    assertEquals(1, dao.inbox(org, 1).size());
    assertEquals(List.of("+573001110002"), dao.inbox(other, 10).stream().map(MessageDao.InboxEntry::phoneE164).toList());
  }

  private static UUID insertOutbound(MessageDao dao, UUID orgId, String phone) {
    UUID id = UUID.randomUUID();
    dao.insertOutbound(id, orgId, null, null, phone, "sms", "Recordatorio de pago", null, null, "delivered", null);
    return id;
  }

  private static void at(UUID id, Instant when) {
    jdbi.useHandle(h -> h.createUpdate("update messages set created_at = :at where id = :id").bind("at", when)
        .bind("id", id).execute());
  }
}
