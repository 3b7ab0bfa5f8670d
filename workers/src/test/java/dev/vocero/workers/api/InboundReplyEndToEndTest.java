package dev.vocero.workers.api;

import static dev.vocero.workers.Eventually.eventually;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import dev.vocero.activities.llm.OpenAiChatStub;
import dev.vocero.activities.messaging.Messaging;
import dev.vocero.activities.messaging.TwilioMessaging;
import dev.vocero.activities.telephony.TwilioHttp;
import dev.vocero.domain.telephony.TwilioSignatures;
import dev.vocero.store.TestDatabase;
import dev.vocero.workers.ApiClient;
import dev.vocero.workers.ApiClient.Reply;
import dev.vocero.workers.ApiClient.Session;
import dev.vocero.workers.CallFixtures;
import dev.vocero.workers.TestStack;
import dev.vocero.workers.VoceroApplication;
import dev.vocero.workers.config.Mode;
import dev.vocero.workers.config.VoceroConfiguration;
import dev.vocero.workflows.messaging.MessagingIds;
import dev.vocero.workflows.messaging.ReplyActivities.Decision;
import dev.vocero.workflows.messaging.ReplyActivities.ReplyOutcome;
import dev.vocero.workflows.messaging.ReplyActivities.Sent;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowStub;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.core5.http.HttpHost;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Inbound SMS answered by the organisation's assistant: calls on the sandbox, messages through the Twilio Messages API
 * (WireMock), the assistant an OpenAI-compatible chat server (WireMock). An inbound STOP between a contact's call
 * attempts blocks the retry and the next wave; ordinary messages get one automatic reply (also when Twilio delivers the
 * webhook twice); a taken-over conversation gets none; a handoff keyword or the model's handoff takes it over.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InboundReplyEndToEndTest {
  static final String SID = "AC" + "0123456789abcdef".repeat(2);
  static final String MESSAGES = "/2010-04-01/Accounts/" + SID + "/Messages.json";
  static final String TOKEN = "sandbox-auth-token";
  static final TestDatabase DB = TestDatabase.fresh();
  static final WireMockServer TWILIO = new WireMockServer(wireMockConfig().dynamicPort());
  static final WireMockServer LLM = new WireMockServer(wireMockConfig().dynamicPort());
  static final DropwizardAppExtension<VoceroConfiguration> APP = TestStack.app(TwilioMessagesApp.class,
      ResourceHelpers.resourceFilePath("test-vocero.yml"), Mode.ALL, DB, TestStack::temporalTarget,
      () -> "http://127.0.0.1:9",
      ConfigOverride.config("llm.providers[0].type", "openai"),
      ConfigOverride.config("llm.providers[0].name", "assistant"),
      ConfigOverride.config("llm.providers[0].baseUrl", () -> started(LLM) + "/v1"),
      ConfigOverride.config("llm.providers[0].apiKey", "sk-llm-test-key"),
      ConfigOverride.config("llm.providers[0].model", "gpt-4o-mini"));
  static final String SETTINGS = """
      {"name":"Cobranza con reintento","callsPerSecond":20,"maxConcurrentCalls":5,"maxAttempts":2,
       "retryDelaySeconds":{"no_answer":8},"jurisdiction":"CUSTOM","customWindows":["MON-SUN 00:00-23:59"],
       "defaultRegion":"CO","answerTimeoutSeconds":10}""";
  static final List<List<String>> SHEET = List.of(
      List.of("Nombre", "Teléfono", "Monto", "Fecha vencimiento"),
      List.of("Ana Pérez", "300 123 4560", "150.000", "30/11/2026"),    // answered; asks, gets an automatic reply
      List.of("Luis Gómez", "300 123 4570", "80.000", "30/11/2026"),    // answered; conversation taken over
      List.of("Marta Ruiz", "300 123 4580", "45.500", "01/12/2026"),    // answered; writes "asesor"
      List.of("Eva Sol", "300 123 4590", "12.000", "01/12/2026"),       // answered; the model hands off
      List.of("Jorge Díaz", "300 123 4562", "20.000", "01/12/2026"));   // no_answer, texts STOP, retry blocked
  static final String REPLY = "Hola Ana, su saldo es de 150.000 y vence el 30/11. ¿Desea pagar hoy?";
  static final String INSTRUCTIONS = "Eres el asistente de cobranzas de Cobranzas Andinas; nunca prometas descuentos.";
  static ApiClient api;
  static Session admin;
  static String batchId;
  static OpenAiChatStub chat;
  static WorkflowClient temporal;

  /** The application with Twilio Messaging pointed at the WireMock server (the SDK has no base-URL setting). */
  public static class TwilioMessagesApp extends VoceroApplication {
    @Override
    protected Messaging messaging(VoceroConfiguration config) {
      HttpClientBuilder builder = HttpClientBuilder.create().setRoutePlanner((target, context) ->
          new HttpRoute(new HttpHost("http", "localhost", TWILIO.port())));
      return new TwilioMessaging(TwilioHttp.restClient(SID, "twilio-test-auth-token", builder));
    }
  }

  static String started(WireMockServer server) {
    if (!server.isRunning()) {
      server.start();
    }
    return server.baseUrl();
  }

  @BeforeAll
  static void organisation() throws Exception {
    started(TWILIO);
    TWILIO.stubFor(post(urlEqualTo(MESSAGES)).willReturn(aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json").withTransformers("response-template").withBody("""
            {"account_sid": "%s", "api_version": "2010-04-01", "body": "x", "date_created":
             "Sun, 22 Nov 2026 10:00:00 +0000", "direction": "outbound-api", "error_code": null, "from": "+15005550006",
             "num_segments": "1", "sid": "SM{{randomValue length=32 type='HEXADECIMAL'}}", "status": "queued",
             "to": "+570000000000"}""".formatted(SID))));
    TWILIO.stubFor(get(urlPathEqualTo(MESSAGES)).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody("{\"messages\": [], \"end\": 0, \"page\": 0,"
            + " \"page_size\": 20, \"start\": 0}")));
    chat = new OpenAiChatStub(new WireMock(LLM.port()), LLM.baseUrl());
    chat.answers("{\"reply\": \"" + REPLY + "\", \"handoff\": false}");
    chat.answersWhenPromptContains("demandar", "{\"reply\": \"\", \"handoff\": true}");
    temporal = TestStack.client(WorkflowServiceStubs.newServiceStubs(
        WorkflowServiceStubsOptions.newBuilder().setTarget(TestStack.temporalTarget()).build()));

    api = new ApiClient(APP.getLocalPort());
    admin = api.registerAndLogin("Cobranzas Andinas");
    Reply settings = api.send("PUT", "/api/v1/messages/auto-reply", admin.accessToken(), Map.of("enabled", true,
        "instructions", INSTRUCTIONS, "maxRepliesPerDay", 3, "handoffKeywords", List.of("asesor", "Humano")));
    assertEquals(200, settings.status(), String.valueOf(settings.body()));
    assertEquals(List.of("asesor", "humano"), List.of(settings.body().at("/handoffKeywords/0").asText(),
        settings.body().at("/handoffKeywords/1").asText()));
    Reply created = api.upload("/api/v1/batches", admin.accessToken(), "file", "deudores.xlsx",
        CallFixtures.workbook(SHEET), Map.of("settings", SETTINGS));
    assertEquals(201, created.status(), String.valueOf(created.body()));
    batchId = created.body().get("id").asText();
  }

  @AfterAll
  static void stop() {
    TWILIO.stop();
    LLM.stop();
  }

  @Test
  @Order(1)
  void givenANoAnswerWithARetry_whenTheContactTextsStop_itShouldBlockTheRetryAndTheNextWaveAndNotAnswer()
      throws Exception {
    eventually(() -> "no_answer".equals(firstAttempt("+573001234562")) ? true : null, "Jorge's first call: no_answer");
    HttpResponse<String> stop = inbound("+573001234562", "SM" + "5".repeat(32), "STOP");
    assertEquals(200, stop.statusCode());
    assertTrue(stop.body().contains("<Message>"), "the opt-out is confirmed: " + stop.body());
    assertTrue(dncContains("+573001234562"));

    eventually(() -> "completed".equals(api.get("/api/v1/batches/" + batchId, admin.accessToken()).body()
        .at("/batch/status").asText()) ? true : null, "the batch completed");
    Map<String, JsonNode> calls = new HashMap<>();
    api.get("/api/v1/batches/" + batchId + "/calls?pageSize=50", admin.accessToken()).body().get("items")
        .forEach(c -> calls.put(c.get("name").asText(), c));
    assertEquals("blocked_dnc", calls.get("Jorge Díaz").get("finalDisposition").asText(), calls.get("Jorge Díaz")
        .toString());
    assertEquals(1, calls.get("Jorge Díaz").get("history").size(), "the retry never reached the provider");
    assertEquals(1, count("select count(*) from call_attempts where phone_e164 = '+573001234562'"));

    Reply wave = api.post("/api/v1/messages/waves", admin.accessToken(), Map.of("name", "Recordatorio",
        "channel", "sms", "body", "Hola {{name}}, recuerde su pago de {{amount}}.", "batchId", batchId,
        "perMinute", 6000));
    assertEquals(201, wave.status(), String.valueOf(wave.body()));
    String waveId = wave.body().get("id").asText();
    JsonNode done = eventually(() -> {
      JsonNode w = api.get("/api/v1/messages/waves/" + waveId, admin.accessToken()).body();
      return "completed".equals(w.get("status").asText()) ? w : null;
    }, "the wave completed");
    assertEquals(1, done.at("/counts/skipped_dnc").asLong(), done.toString());
    List<Map<String, String>> sent = twilioMessages();
    assertEquals(4, sent.size(), "one SMS per other contact: " + sent);
    assertTrue(sent.stream().noneMatch(m -> "+573001234562".equals(m.get("To"))), "no SMS to the opted-out number");
    assertTrue(chat.requests().isEmpty(), "STOP is never answered by the assistant");
    assertEquals(0, count("select count(*) from messages where automatic"));
  }

  @Test
  @Order(2)
  void givenAnInboundQuestion_whenDeliveredTwice_itShouldSendExactlyOneAutomaticReplyWithTheModelsText()
      throws Exception {
    String sid = "SM" + "a1".repeat(16);
    assertEquals(200, inbound("+573001234560", sid, "Hola, ¿cuánto debo?").statusCode());
    UUID inboundId = inboundId(sid);
    ReplyOutcome outcome = result(inboundId);
    assertEquals(new ReplyOutcome(Decision.REPLY, Sent.SENT, MessagingIds.replyMessageId(inboundId)), outcome);
    String firstRun = WorkflowStub.fromTyped(temporal.newWorkflowStub(dev.vocero.workflows.messaging
        .InboundReplyWorkflow.class, MessagingIds.inboundReplyWorkflowId(inboundId))).describe().getExecution()
        .getRunId();

    assertEquals(200, inbound("+573001234560", sid, "Hola, ¿cuánto debo?").statusCode(), "Twilio re-delivers");
    assertEquals(firstRun, WorkflowStub.fromTyped(temporal.newWorkflowStub(dev.vocero.workflows.messaging
        .InboundReplyWorkflow.class, MessagingIds.inboundReplyWorkflowId(inboundId))).describe().getExecution()
        .getRunId(), "the redelivery started no second reply");
    List<Map<String, String>> replies = twilioMessages().stream().filter(m -> REPLY.equals(m.get("Body"))).toList();
    assertEquals(1, replies.size(), String.valueOf(replies));
    assertEquals("+573001234560", replies.get(0).get("To"));
    assertTrue(replies.get(0).get("StatusCallback").endsWith("messageId=" + outcome.replyMessageId()));

    JsonNode thread = api.get("/api/v1/conversations/+573001234560", admin.accessToken()).body();
    JsonNode last = thread.get("messages").get(thread.get("messages").size() - 1);
    assertEquals(REPLY, last.get("body").asText());
    assertTrue(last.get("automatic").asBoolean());
    assertEquals("outbound", last.get("direction").asText());
    assertEquals(1, count("select count(*) from messages where automatic and provider_sid like 'SM%'"));

    JsonNode request = chat.requests().get(0);
    assertTrue(request.toString().contains("nunca prometas descuentos"), "the organisation's instructions");
    assertTrue(request.toString().contains("Ana Pérez"), "the contact's data");
    assertTrue(request.toString().contains("recuerde su pago"), "the conversation so far (the wave's SMS)");
    assertTrue(request.toString().contains("cuánto debo"), "the customer's question");
  }

  @Test
  @Order(3)
  void givenATakenOverConversation_whenTheCustomerWrites_itShouldNotAnswerUntilReleased() throws Exception {
    Reply taken = api.post("/api/v1/conversations/+573001234570/takeover", admin.accessToken(), Map.of());
    assertEquals(200, taken.status(), String.valueOf(taken.body()));
    assertEquals("operator", taken.body().get("takeoverReason").asText());
    int llmCalls = chat.requests().size();

    String sid = "SM" + "b2".repeat(16);
    assertEquals(200, inbound("+573001234570", sid, "¿Me pueden llamar mañana?").statusCode());
    UUID inboundId = inboundId(sid);
    assertFalse(replyStarted(inboundId), "no reply workflow for a taken-over conversation");
    assertEquals(llmCalls, chat.requests().size());

    Reply released = api.send("DELETE", "/api/v1/conversations/+573001234570/takeover", admin.accessToken(), null);
    assertEquals(200, released.status(), String.valueOf(released.body()));
    assertFalse(released.body().get("takenOver").asBoolean());
    String next = "SM" + "b3".repeat(16);
    assertEquals(200, inbound("+573001234570", next, "¿Siguen ahí?").statusCode());
    assertEquals(Sent.SENT, result(inboundId(next)).sent(), "released: the assistant answers again");
    assertEquals(1, twilioMessages().stream().filter(m -> "+573001234570".equals(m.get("To"))
        && REPLY.equals(m.get("Body"))).count());
  }

  @Test
  @Order(4)
  void givenAHandoffKeyword_whenTheCustomerWrites_itShouldTakeTheConversationOverAndNotAnswer() throws Exception {
    int llmCalls = chat.requests().size();
    String sid = "SM" + "c3".repeat(16);
    assertEquals(200, inbound("+573001234580", sid, "Quiero hablar con un ASESÓR, por favor").statusCode());
    assertEquals(new ReplyOutcome(Decision.HANDED_OFF, null, null), result(inboundId(sid)));
    JsonNode thread = api.get("/api/v1/conversations/+573001234580", admin.accessToken()).body();
    assertTrue(thread.get("takenOver").asBoolean());
    assertEquals("requested_by_customer", thread.get("takeoverReason").asText());
    assertEquals(llmCalls, chat.requests().size(), "the model is not asked");
    assertEquals(0, count("select count(*) from messages where automatic and phone_e164 = '+573001234580'"));

    String later = "SM" + "c4".repeat(16);
    assertEquals(200, inbound("+573001234580", later, "¿Hola?").statusCode());
    assertFalse(replyStarted(inboundId(later)), "taken over: no more automatic replies");

    String text = "Hola Marta, soy Laura de Cobranzas Andinas. ¿En qué le ayudo?";
    Reply written = api.post("/api/v1/conversations/+573001234580/messages", admin.accessToken(), Map.of("body", text));
    assertEquals(202, written.status(), String.valueOf(written.body()));
    assertFalse(written.body().get("automatic").asBoolean());
    String messageId = written.body().get("id").asText();
    assertEquals(Sent.SENT, temporal.newUntypedWorkflowStub(MessagingIds.operatorMessageWorkflowId(
        UUID.fromString(messageId))).getResult(60, java.util.concurrent.TimeUnit.SECONDS, Sent.class));
    assertEquals(1, twilioMessages().stream().filter(m -> "+573001234580".equals(m.get("To"))
        && text.equals(m.get("Body"))).count(), "the operator's message went out while the conversation is taken over");

    Reply optedOut = api.post("/api/v1/conversations/+573001234562/messages", admin.accessToken(),
        Map.of("body", "Hola Jorge"));
    assertEquals(409, optedOut.status());
    assertEquals("opted_out", optedOut.code());
    assertEquals("invalid_request", api.post("/api/v1/conversations/+573001234580/messages", admin.accessToken(),
        Map.of("body", "")).code());
  }

  @Test
  @Order(5)
  void givenTheModelHandsOff_whenTheCustomerWrites_itShouldTakeTheConversationOverAndNotAnswer() throws Exception {
    String sid = "SM" + "d4".repeat(16);
    assertEquals(200, inbound("+573001234590", sid, "Esto es un abuso, los voy a demandar").statusCode());
    assertEquals(new ReplyOutcome(Decision.HANDED_OFF, null, null), result(inboundId(sid)));
    JsonNode thread = api.get("/api/v1/conversations/+573001234590", admin.accessToken()).body();
    assertEquals("requested_by_assistant", thread.get("takeoverReason").asText());
    assertEquals(0, count("select count(*) from messages where automatic and phone_e164 = '+573001234590'"));
  }

  @Test
  @Order(6)
  void givenBadSettings_itShouldRefuseWithCodesAndKeepTheSaved() {
    Reply noInstructions = api.send("PUT", "/api/v1/messages/auto-reply", admin.accessToken(),
        Map.of("enabled", true, "instructions", "  "));
    assertEquals(422, noInstructions.status());
    assertEquals("instructions_required", noInstructions.code());
    Reply limit = api.send("PUT", "/api/v1/messages/auto-reply", admin.accessToken(),
        Map.of("enabled", true, "instructions", "x", "maxRepliesPerDay", 0));
    assertEquals(422, limit.status());
    assertEquals("invalid_request", limit.code());
    Reply missing = api.send("PUT", "/api/v1/messages/auto-reply", admin.accessToken(), Map.of("instructions", "x"));
    assertEquals(422, missing.status(), "enabled is required");
    JsonNode saved = api.get("/api/v1/messages/auto-reply", admin.accessToken()).body();
    assertEquals(INSTRUCTIONS, saved.get("instructions").asText());
    assertEquals(3, saved.get("maxRepliesPerDay").asInt());
    assertTrue(saved.get("enabled").asBoolean());
  }

  private static String firstAttempt(String phone) {
    return DB.jdbi().withHandle(h -> h.createQuery("select disposition from call_attempts where phone_e164 = :p"
        + " and attempt_number = 1").bind("p", phone).mapTo(String.class).findOne().orElse(null));
  }

  private static UUID inboundId(String sid) {
    return DB.jdbi().withHandle(h -> h.createQuery("select id from messages where provider_sid like :sid")
        .bind("sid", sid + ":%").mapTo(UUID.class).one());
  }

  private static ReplyOutcome result(UUID inboundId) throws Exception {
    return temporal.newUntypedWorkflowStub(MessagingIds.inboundReplyWorkflowId(inboundId))
        .getResult(60, java.util.concurrent.TimeUnit.SECONDS, ReplyOutcome.class);
  }

  /** The webhook starts replies before it answers: after its 200 a reply exists or never will. */
  private static boolean replyStarted(UUID inboundId) {
    try {
      temporal.newUntypedWorkflowStub(MessagingIds.inboundReplyWorkflowId(inboundId)).describe();
      return true;
    } catch (WorkflowNotFoundException e) {
      return false;
    }
  }

  private static List<Map<String, String>> twilioMessages() {
    return TWILIO.findAll(postRequestedFor(urlEqualTo(MESSAGES))).stream().map(r -> {
      Map<String, String> form = new LinkedHashMap<>();
      for (String pair : r.getBodyAsString().split("&")) {
        int eq = pair.indexOf('=');
        form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
      return form;
    }).toList();
  }

  private static HttpResponse<String> inbound(String from, String sid, String body) throws Exception {
    String url = "http://localhost:" + APP.getLocalPort() + "/webhooks/twilio/messaging/inbound";
    Map<String, String> params = new LinkedHashMap<>(Map.of("MessageSid", sid, "AccountSid", SID, "From", from,
        "To", "+15005550006", "Body", body, "NumMedia", "0"));
    String form = params.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-Twilio-Signature", TwilioSignatures.sign(TOKEN, url, params))
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static boolean dncContains(String phone) {
    return count("select count(*) from dnc_numbers where phone_e164 = '" + phone + "'") > 0;
  }

  private static int count(String sql) {
    return DB.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
  }

}
