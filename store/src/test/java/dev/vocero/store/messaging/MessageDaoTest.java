package dev.vocero.store.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vocero.store.TestDatabase;
import dev.vocero.store.accounts.OrganizationDao;
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
}
