package dev.vocero.activities.messaging;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.vocero.activities.llm.ChainSettings;
import dev.vocero.activities.llm.JsonMode;
import dev.vocero.activities.llm.LanguageModelChain;
import dev.vocero.activities.llm.OpenAiChatModel;
import dev.vocero.activities.llm.OpenAiChatStub;
import dev.vocero.activities.llm.ProviderSettings;
import dev.vocero.activities.telephony.TwilioHttp;
import dev.vocero.store.TestDatabase;
import dev.vocero.store.accounts.OrganizationDao;
import dev.vocero.store.calls.DncDao;
import dev.vocero.store.messaging.AutoReplyDao;
import dev.vocero.store.messaging.MessageDao;
import dev.vocero.store.messaging.MessageRow;
import dev.vocero.workflows.messaging.MessagingIds;
import dev.vocero.workflows.messaging.ReplyActivities.Decision;
import dev.vocero.workflows.messaging.ReplyActivities.InboundMessage;
import dev.vocero.workflows.messaging.ReplyActivities.SendReply;
import dev.vocero.workflows.messaging.ReplyActivities.Sent;
import io.temporal.failure.ApplicationFailure;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.core5.http.HttpHost;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The reply decisions on a real PostgreSQL; the model an OpenAI-compatible WireMock; Twilio's Messages API likewise. */
class ReplyActivitiesImplTest {
  static final String PHONE = "+573001234567";
  static final String SID = "AC" + "0123456789abcdef".repeat(2);
  static final String MESSAGES = "/2010-04-01/Accounts/" + SID + "/Messages.json";
  static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static Jdbi jdbi;
  private OpenAiChatStub chat;
  private ReplyActivitiesImpl replies;
  private UUID org;

  @BeforeAll
  static void database() {
    jdbi = TestDatabase.fresh().jdbi();
  }

  @BeforeEach
  void organisationWithAutoReplies() {
    chat = new OpenAiChatStub(wm.getRuntimeInfo().getWireMock(), wm.baseUrl());
    org = UUID.randomUUID();
    jdbi.onDemand(OrganizationDao.class).insert(org, "org " + org);
    jdbi.onDemand(AutoReplyDao.class).save(org, true, "Eres el asistente de Acme; nunca prometas descuentos.", 12, 2,
        "[\"asesor\"]", null);
    ProviderSettings settings = new ProviderSettings("openai", ProviderSettings.OPENAI, chat.baseUrl(), "sk-test",
        "gpt-4o-mini", JsonMode.SCHEMA, Duration.ofSeconds(2), Duration.ofSeconds(5));
    LanguageModelChain model = new LanguageModelChain(List.of(new OpenAiChatModel(settings)), new ChainSettings(0,
        Duration.ofMinutes(1), 50, 10, 10, Duration.ofMinutes(1), 1, Duration.ofMillis(1), Duration.ofSeconds(1)),
        d -> { });
    HttpClientBuilder builder = HttpClientBuilder.create().setRoutePlanner((target, context) ->
        new HttpRoute(new HttpHost("http", "localhost", wm.getPort())));
    replies = new ReplyActivitiesImpl(jdbi, model, new TwilioMessaging(TwilioHttp.restClient(SID, "token", builder)),
        new MessagingSettings("+15005550006", "+15005550006", "https://vocero.example.com"), JSON,
        Clock.systemUTC());
  }

  private InboundMessage inbound(String body) {
    UUID id = UUID.randomUUID();
    jdbi.onDemand(MessageDao.class).insertInbound(id, org, null, PHONE, "sms", body, "twilio", "SM" + id);
    return new InboundMessage(org, id);
  }

  @Test
  void givenEachReasonNotToAnswer_whenDeciding_itShouldSayWhichAndTakeOverOnlyOnAKeyword() {
    InboundMessage first = inbound("hola");
    InboundMessage question = inbound("¿cuánto debo?");
    assertEquals(Decision.SUPERSEDED, replies.decide(first).decision(), "the customer wrote again after it");
    assertEquals(Decision.REPLY, replies.decide(question).decision());
    MessageDao messages = jdbi.onDemand(MessageDao.class);
    messages.insertReply(MessagingIds.replyMessageId(question.messageId()), org, null, PHONE, "sms", "x",
        question.messageId());
    assertEquals(Decision.ALREADY_REPLIED, replies.decide(question).decision());
    messages.insertReply(UUID.randomUUID(), org, null, PHONE, "sms", "y", null);
    assertEquals(Decision.DAILY_LIMIT, replies.decide(inbound("¿sigue ahí?")).decision(), "2 a day");

    assertEquals(Decision.HANDED_OFF, replies.decide(inbound("Quiero un ASESOR")).decision());
    assertEquals(MessageDao.BY_CUSTOMER, messages.takeover(org, PHONE).orElseThrow().reason());
    assertEquals(Decision.TAKEN_OVER, replies.decide(inbound("¿hola?")).decision());

    jdbi.onDemand(DncDao.class).add(org, PHONE, "test", "api");
    assertEquals(Decision.OPTED_OUT, replies.decide(inbound("hola")).decision());
    jdbi.onDemand(AutoReplyDao.class).save(org, false, "", 12, 2, "[]", null);
    assertEquals(Decision.DISABLED, replies.decide(inbound("hola")).decision());
    assertEquals(Decision.UNKNOWN_MESSAGE, replies.decide(new InboundMessage(org, UUID.randomUUID())).decision());
    assertTrue(chat.requests().isEmpty(), "deciding never asks the model");
  }

  @Test
  void givenAConversation_whenComposing_itShouldSendInstructionsAsSystemAndTheThreadOldestFirst() {
    jdbi.onDemand(MessageDao.class).insertOutbound(UUID.randomUUID(), org, null, null, PHONE, "sms",
        "Hola, su saldo vence mañana.", null, null, "sent", null);
    InboundMessage question = inbound("¿Cuánto es?");
    chat.answers("{\"reply\": \"Son 150.000.\", \"handoff\": false}");
    assertEquals("Son 150.000.", replies.compose(question).text());
    JsonNode messages = chat.requests().get(0).get("messages");
    assertEquals("system", messages.get(0).get("role").asText());
    assertTrue(messages.get(0).get("content").asText().contains("nunca prometas descuentos"));
    assertEquals(List.of("user", "assistant", "user"), List.of(messages.get(1).get("role").asText(),
        messages.get(2).get("role").asText(), messages.get(3).get("role").asText()));
    assertEquals("Hola, su saldo vence mañana.", messages.get(2).get("content").asText());
    assertEquals("¿Cuánto es?", messages.get(3).get("content").asText());
    assertEquals("json_schema", chat.requests().get(0).at("/response_format/type").asText());
  }

  @Test
  void givenAnAnswerThatIsNotTheSchema_whenComposing_itShouldFailForGood() {
    chat.answers("Claro, le ayudo.");
    ApplicationFailure failure = assertThrows(ApplicationFailure.class, () -> replies.compose(inbound("hola")));
    assertTrue(failure.isNonRetryable());
  }

  @Test
  void givenATakeoverWhileTheModelThought_whenSending_itShouldRecordTheReplyCancelledAndNotCallTwilio() {
    InboundMessage question = inbound("hola");
    jdbi.onDemand(MessageDao.class).takeOver(org, PHONE, null, MessageDao.BY_OPERATOR);
    assertEquals(Sent.SKIPPED_TAKEN_OVER, replies.send(new SendReply(org, question.messageId(), "Hola")).sent());
    assertEquals("cancelled", jdbi.onDemand(MessageDao.class).findById(MessagingIds.replyMessageId(
        question.messageId())).orElseThrow().state());
    assertEquals(0, wm.findAll(postRequestedFor(urlEqualTo(MESSAGES))).size());
  }

  @Test
  void givenARetriedSend_whenTwilioTookTheFirst_itShouldNotSendAgain() {
    wm.stubFor(post(urlEqualTo(MESSAGES)).willReturn(aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json").withBody("{\"sid\": \"SM" + "e".repeat(32)
            + "\", \"status\": \"queued\", \"account_sid\": \"" + SID + "\"}")));
    InboundMessage question = inbound("hola");
    SendReply reply = new SendReply(org, question.messageId(), "Hola, ¿en qué le ayudo?");
    assertEquals(Sent.SENT, replies.send(reply).sent());
    assertEquals(Sent.SENT, replies.send(reply).sent());
    assertEquals(1, wm.findAll(postRequestedFor(urlEqualTo(MESSAGES))).size());
    assertFalse(jdbi.onDemand(MessageDao.class).findById(MessagingIds.replyMessageId(question.messageId()))
        .orElseThrow().providerSid() == null);
  }

  @Test
  void givenEnforcedCreditsThatCannotCoverIt_whenSending_itShouldCancelTheReplyAndNotCallTwilio() {
    dev.vocero.credits.CreditLedger ledger = new dev.vocero.credits.CreditLedger(jdbi);
    ledger.setEnforced(org, true); // and nothing topped up
    InboundMessage question = inbound("hola");

    assertEquals(Sent.SKIPPED_NO_CREDIT, replies.send(new SendReply(org, question.messageId(), "Hola")).sent());

    MessageRow reply = jdbi.onDemand(MessageDao.class).findById(MessagingIds.replyMessageId(question.messageId()))
        .orElseThrow();
    assertEquals("cancelled", reply.state());
    assertEquals("no_credit", reply.errorCode());
    assertEquals(0, wm.findAll(postRequestedFor(urlEqualTo(MESSAGES))).size());
  }

  @Test
  void givenEnforcedCredits_whenAReplyIsSent_itShouldHoldItsPriceFirst() {
    wm.stubFor(post(urlEqualTo(MESSAGES)).willReturn(aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json").withBody("{\"sid\": \"SM" + "f".repeat(32)
            + "\", \"status\": \"queued\", \"account_sid\": \"" + SID + "\"}")));
    dev.vocero.credits.CreditLedger ledger = new dev.vocero.credits.CreditLedger(jdbi);
    ledger.setEnforced(org, true);
    ledger.topup(org, 10, "t-" + org, null, "test");
    InboundMessage question = inbound("hola");

    assertEquals(Sent.SENT, replies.send(new SendReply(org, question.messageId(), "Hola, ¿en qué le ayudo?")).sent());

    assertEquals(1, ledger.account(org).orElseThrow().reserved(), "one SMS segment held until its final status");
  }
}
