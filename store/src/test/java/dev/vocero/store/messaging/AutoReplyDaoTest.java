package dev.vocero.store.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vocero.store.TestDatabase;
import dev.vocero.store.accounts.OrganizationDao;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AutoReplyDaoTest {
  static final String PHONE = "+573001234567";
  static Jdbi jdbi;
  final UUID org = UUID.randomUUID();

  @BeforeAll
  static void database() {
    jdbi = TestDatabase.fresh().jdbi();
  }

  @Test
  void givenNoRow_whenSavedTwice_itShouldStartOffThenKeepTheLatest() {
    jdbi.useExtension(OrganizationDao.class, dao -> dao.insert(org, "Respuestas"));
    AutoReplyDao dao = jdbi.onDemand(AutoReplyDao.class);
    assertFalse(dao.get(org).enabled());
    assertFalse(dao.enabled(org));
    dao.save(org, true, "Eres el asistente", 8, 3, "[\"asesor\"]", null);
    dao.save(org, true, "Eres el asistente de cobranzas", 10, 4, "[\"asesor\", \"humano\"]", null);
    AutoReplySettings saved = dao.get(org);
    assertTrue(dao.enabled(org));
    assertEquals("Eres el asistente de cobranzas", saved.instructions());
    assertEquals(10, saved.historyMessages());
    assertEquals(4, saved.maxRepliesPerDay());
    assertEquals("[\"asesor\", \"humano\"]", saved.handoffKeywords());
  }

  @Test
  void givenRepliesAndATakeover_itShouldCountRepliesOnceAndKeepTheFirstReasonUntilReleased() {
    jdbi.useExtension(OrganizationDao.class, dao -> dao.insert(org, "Respuestas"));
    MessageDao dao = jdbi.onDemand(MessageDao.class);
    UUID inbound = UUID.randomUUID();
    dao.insertInbound(inbound, org, null, PHONE, "sms", "hola", "twilio", "SM" + inbound);
    UUID reply = UUID.randomUUID();
    assertEquals(1, dao.insertReply(reply, org, null, PHONE, "sms", "¿En qué le ayudo?", inbound));
    assertEquals(0, dao.insertReply(reply, org, null, PHONE, "sms", "otra", inbound), "one reply per id");
    assertTrue(dao.findById(reply).orElseThrow().automatic());
    assertEquals(1, dao.automaticSince(org, PHONE, Instant.now().minus(1, ChronoUnit.DAYS)));
    assertEquals(2, dao.latest(org, PHONE, 10).size());
    assertEquals(reply, dao.latest(org, PHONE, 10).get(0).id(), "newest first");

    assertEquals(1, dao.takeOver(org, PHONE, null, MessageDao.BY_CUSTOMER));
    assertEquals(0, dao.takeOver(org, PHONE, null, MessageDao.BY_OPERATOR));
    assertEquals(MessageDao.BY_CUSTOMER, dao.takeover(org, PHONE).orElseThrow().reason());
    assertEquals(1, dao.release(org, PHONE));
    assertFalse(dao.takenOver(org, PHONE));
  }
}
