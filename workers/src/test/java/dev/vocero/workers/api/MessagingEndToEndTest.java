package dev.vocero.workers.api;

import static dev.vocero.workers.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vocero.domain.telephony.TwilioSignatures;
import dev.vocero.store.TestDatabase;
import dev.vocero.workers.ApiClient;
import dev.vocero.workers.ApiClient.Reply;
import dev.vocero.workers.ApiClient.Session;
import dev.vocero.workers.CallFixtures;
import dev.vocero.workers.TestStack;
import dev.vocero.workers.config.VoceroConfiguration;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Messages end to end on the sandbox: a batch's contacts get an SMS wave → sandbox messaging → signed status
 * callbacks and replies through the real webhooks → states, conversations, an opt-out on the DNC list that the next
 * wave skips; then the webhooks' own guarantees (signatures, duplicates, order) and the API's validation.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MessagingEndToEndTest {
  static final TestDatabase DB = TestDatabase.fresh();
  static final DropwizardAppExtension<VoceroConfiguration> APP =
      TestStack.app(DB, TestStack::temporalTarget, () -> "http://127.0.0.1:9");
  static final String TOKEN = "sandbox-auth-token";
  static final String SETTINGS = """
      {"name":"Cobranza","callsPerSecond":20,"maxConcurrentCalls":4,"maxAttempts":1,
       "jurisdiction":"CUSTOM","customWindows":["MON-SUN 00:00-23:59"],"defaultRegion":"CO","answerTimeoutSeconds":10}""";
  static final List<List<String>> SHEET = List.of(
      List.of("Nombre", "Teléfono", "Monto", "Fecha vencimiento"),
      List.of("Ana Pérez", "300 123 4560", "150.000", "30/11/2026"),   // delivered
      List.of("Luis Gómez", "300 123 4561", "80.000", "30/11/2026"),   // delivered, replies BAJA
      List.of("Marta Ruiz", "300 123 4562", "45.500", "01/12/2026"),   // undelivered 30003; call no_answer
      List.of("Jorge Díaz", "300 123 4563", "12.000", "01/12/2026"),   // 503 once, delivered on the retry
      List.of("Rosa Mena", "300 123 4564", "20.000", "01/12/2026"),    // refused 21610
      List.of("Pedro Gil", "300 123 4568", "10.000", "02/12/2026"),    // on the DNC list
      List.of("Eva Sol", "300 123 4569", "10.000", "02/12/2026"));     // delivered, replies
  static ApiClient api;
  static Session operator;
  static String batchId;

  @BeforeAll
  static void batch() throws Exception {
    api = new ApiClient(APP.getLocalPort());
    operator = api.registerAndLogin("Mensajes Andinos");
    api.post("/api/v1/dnc", operator.accessToken(), Map.of("phone", "+573001234568"));
    Reply created = api.upload("/api/v1/batches", operator.accessToken(), "file", "deudores.xlsx",
        CallFixtures.workbook(SHEET), Map.of("settings", SETTINGS));
    assertEquals(201, created.status(), String.valueOf(created.body()));
    batchId = created.body().get("id").asText();
  }

  @Test
  @Order(1)
  void givenABatch_whenAnSmsWaveRuns_itShouldDeliverRenderRetrySkipAndRecordRepliesAndOptOuts() {
    Reply wave = api.post("/api/v1/messages/waves", operator.accessToken(), Map.of("name", "Recordatorio",
        "channel", "sms", "body", "Hola {{name}}, su saldo es {{amount}}.", "batchId", batchId, "perMinute", 6000));
    assertEquals(201, wave.status(), String.valueOf(wave.body()));
    String waveId = wave.body().get("id").asText();

    JsonNode done = eventually(() -> {
      JsonNode w = api.get("/api/v1/messages/waves/" + waveId, operator.accessToken()).body();
      return "completed".equals(w.get("status").asText()) && w.at("/counts/delivered").asLong() == 4
          && w.at("/counts/failed").asLong() == 2 ? w : null;
    }, "wave 1 finished with 4 delivered and 2 failed");
    assertEquals(1, done.at("/counts/skipped_dnc").asLong(), done.toString());

    Map<String, JsonNode> byPhone = messagesByPhoneEnd();
    assertEquals("Hola Ana Pérez, su saldo es 150000.00.", byPhone.get("4560").get("body").asText());
    assertEquals("failed", byPhone.get("4562").get("state").asText());
    assertEquals("30003", byPhone.get("4562").get("errorCode").asText());
    assertEquals("delivered", byPhone.get("4563").get("state").asText(), "the 503 was retried once");
    assertEquals("21610", byPhone.get("4564").get("errorCode").asText());
    String shown = byPhone.get("4560").get("phone").asText();
    assertTrue(shown.contains("•••") && !shown.contains("1234560"), "phones are masked: " + shown);
    Integer tries = DB.jdbi().withHandle(h -> h.createQuery(
        "select send_attempts from messages where phone_e164 = '+573001234563'").mapTo(Integer.class).one());
    assertEquals(2, tries);

    JsonNode thread = eventually(() -> {
      JsonNode t = api.get("/api/v1/conversations/+573001234569", operator.accessToken()).body();
      return t.get("messages").size() == 2 ? t : null;
    }, "the reply of ...4569 is in its conversation");
    assertEquals("inbound", thread.at("/messages/1/direction").asText());
    assertEquals("Gracias, ya realicé el pago.", thread.at("/messages/1/body").asText());
    eventually(() -> dncContains("+573001234561") ? true : null, "the BAJA reply put ...4561 on the DNC list");
    assertFalse(dncContains("+573001234569"), "an ordinary reply is not an opt-out");
  }

  @Test
  @Order(2)
  void givenAnOptOutAndAFinishedBatch_whenWavesTargetDispositionsOrEveryone_itShouldSkipTheOptedOut() {
    eventually(() -> "completed".equals(api.get("/api/v1/batches/" + batchId, operator.accessToken()).body()
        .at("/batch/status").asText()) ? true : null, "the call batch completed");
    Map<String, Object> template = new LinkedHashMap<>(Map.of("name", "Los no contactados", "channel", "whatsapp",
        "contentSid", "HX" + "0123456789abcdef".repeat(2), "contentVariables", Map.of("1", "{{name}}"),
        "batchId", batchId, "disposition", "no_answer", "perMinute", 6000));
    String noAnswer = api.post("/api/v1/messages/waves", operator.accessToken(), template).body().get("id").asText();
    JsonNode done = eventually(() -> {
      JsonNode w = api.get("/api/v1/messages/waves/" + noAnswer, operator.accessToken()).body();
      return "completed".equals(w.get("status").asText()) && w.at("/counts/failed").asLong() == 1 ? w : null;
    }, "the no_answer wave reached its one contact");
    assertEquals(1, done.get("counts").size(), "only the no_answer contact: " + done);
    String variables = DB.jdbi().withHandle(h -> h.createQuery("select content_variables::text from messages"
        + " where wave_id = cast(:w as uuid)").bind("w", noAnswer).mapTo(String.class).one());
    assertEquals("{\"1\": \"Marta Ruiz\"}", variables);

    String again = api.post("/api/v1/messages/waves", operator.accessToken(), Map.of("name", "Otra vez",
        "channel", "sms", "body", "Hola {{name}}", "batchId", batchId, "perMinute", 6000)).body().get("id").asText();
    JsonNode second = eventually(() -> {
      JsonNode w = api.get("/api/v1/messages/waves/" + again, operator.accessToken()).body();
      return "completed".equals(w.get("status").asText()) ? w : null;
    }, "the second wave completed");
    assertEquals(2, second.at("/counts/skipped_dnc").asLong(), "the opted-out ...4561 and ...4568: " + second);
  }

  @Test
  @Order(3)
  void givenStatusCallbacks_whenForgedRepeatedOrLate_itShouldRefuseIgnoreAndNeverGoBack() throws Exception {
    eventually(() -> DB.jdbi().withHandle(h -> h.createQuery("select count(*) from messages where direction ="
        + " 'outbound' and state in ('pending', 'processing', 'sent')").mapTo(Integer.class).one()) == 0 ? true : null,
        "the sandbox's callbacks of the earlier waves have all arrived, so the event count below is stable");
    Map<String, String> row = DB.jdbi().withHandle(h -> h.createQuery("select id::text as id, provider_sid from messages"
        + " where phone_e164 = '+573001234560' and state = 'delivered' limit 1").mapToMap(String.class).one());
    String url = base() + "/webhooks/twilio/messaging/status?messageId=" + row.get("id");
    Map<String, String> late = status(row.get("provider_sid"), "sending");
    int events = count("message_events");

    assertEquals(403, post(url, late, "forged"));
    assertEquals(403, post(url, late, null));
    assertEquals(events, count("message_events"), "a forged callback stores nothing");

    assertEquals(204, post(url, late, TwilioSignatures.sign(TOKEN, url, late)));
    Map<String, String> repeat = status(row.get("provider_sid"), "delivered");
    assertEquals(204, post(url, repeat, TwilioSignatures.sign(TOKEN, url, repeat)));
    assertEquals(events + 1, count("message_events"), "the redelivered 'delivered' is a no-op");
    assertEquals("delivered", DB.jdbi().withHandle(h -> h.createQuery("select state from messages where id ="
        + " cast(:id as uuid)").bind("id", row.get("id")).mapTo(String.class).one()), "a late 'sending' never wins");
  }

  @Test
  @Order(4)
  void givenInboundMessages_whenSigned_itShouldStoreThemAndAnswerAnOptOutWithAConfirmation() throws Exception {
    String url = base() + "/webhooks/twilio/messaging/inbound";
    Map<String, String> stop = new LinkedHashMap<>(Map.of("MessageSid", "SM" + "7".repeat(32), "AccountSid",
        "AC" + "5a4d".repeat(8), "From", "+573001234560", "To", "+15005550006", "Body", "  Cancelár! ",
        "NumMedia", "0"));
    int messages = count("messages");
    assertEquals(403, post(url, stop, "forged"));
    assertEquals(messages, count("messages"));
    assertFalse(dncContains("+573001234560"));

    HttpResponse<String> reply = send(url, stop, TwilioSignatures.sign(TOKEN, url, stop));
    assertEquals(200, reply.statusCode());
    assertTrue(reply.body().contains("<Message>"), reply.body());
    assertTrue(dncContains("+573001234560"), "CANCELAR in any case or accent opts out");

    Map<String, String> chat = new LinkedHashMap<>(stop);
    chat.put("MessageSid", "SM" + "8".repeat(32));
    chat.put("Body", "stop calling me at night");
    HttpResponse<String> plain = send(url, chat, TwilioSignatures.sign(TOKEN, url, chat));
    assertEquals(200, plain.statusCode());
    assertFalse(plain.body().contains("<Message>"), "a sentence is not a keyword: " + plain.body());
    assertEquals(messages + 2, count("messages"));
  }

  @Test
  @Order(5)
  void givenBadWaveRequests_itShouldRefuseWithCodesAndStoreNothing() {
    int waves = count("message_waves");
    assertEquals("missing_content", api.post("/api/v1/messages/waves", operator.accessToken(), Map.of("name", "x",
        "channel", "sms", "batchId", batchId)).code());
    assertEquals("template_needs_whatsapp", api.post("/api/v1/messages/waves", operator.accessToken(), Map.of(
        "name", "x", "channel", "sms", "contentSid", "HX" + "0".repeat(32), "batchId", batchId)).code());
    assertEquals("unknown_batch", api.post("/api/v1/messages/waves", operator.accessToken(), Map.of("name", "x",
        "channel", "sms", "body", "hola", "batchId", "00000000-0000-0000-0000-000000000001")).code());
    assertEquals("invalid_disposition", api.post("/api/v1/messages/waves", operator.accessToken(), Map.of(
        "name", "x", "channel", "sms", "body", "hola", "batchId", batchId, "disposition", "angry")).code());
    assertEquals(422, api.post("/api/v1/messages/waves", operator.accessToken(), Map.of("name", "x",
        "channel", "fax", "body", "hola", "batchId", batchId)).status());
    assertEquals("invalid_state", api.get("/api/v1/messages?state=lost", operator.accessToken()).code());
    assertEquals(waves, count("message_waves"));
    Reply taken = api.post("/api/v1/conversations/+573001234569/takeover", operator.accessToken(), Map.of());
    assertEquals(200, taken.status(), String.valueOf(taken.body()));
    assertTrue(taken.body().get("takenOver").asBoolean());
  }

  private static Map<String, JsonNode> messagesByPhoneEnd() {
    Map<String, JsonNode> byPhone = new HashMap<>();
    Map<String, String> phones = new HashMap<>();
    DB.jdbi().withHandle(h -> h.createQuery("select id::text, phone_e164 from messages where direction = 'outbound'")
        .map((rs, ctx) -> phones.put(rs.getString(1), rs.getString(2))).list());
    api.get("/api/v1/messages?pageSize=100", operator.accessToken()).body().get("items")
        .forEach(m -> byPhone.putIfAbsent(phones.getOrDefault(m.get("id").asText(), "????").substring(
            Math.max(0, phones.getOrDefault(m.get("id").asText(), "????").length() - 4)), m));
    return byPhone;
  }

  private static boolean dncContains(String phone) {
    return DB.jdbi().withHandle(h -> h.createQuery("select count(*) from dnc_numbers where phone_e164 = :p")
        .bind("p", phone).mapTo(Integer.class).one()) > 0;
  }

  private static int count(String table) {
    return DB.jdbi().withHandle(h -> h.createQuery("select count(*) from " + table).mapTo(Integer.class).one());
  }

  private static String base() {
    return "http://localhost:" + APP.getLocalPort();
  }

  private static Map<String, String> status(String sid, String status) {
    return new LinkedHashMap<>(Map.of("MessageSid", sid, "SmsSid", sid, "AccountSid", "AC" + "5a4d".repeat(8),
        "MessageStatus", status, "SmsStatus", status, "To", "+573001234560", "From", "+15005550006"));
  }

  private static int post(String url, Map<String, String> params, String signature) throws Exception {
    return send(url, params, signature).statusCode();
  }

  private static HttpResponse<String> send(String url, Map<String, String> params, String signature) throws Exception {
    String body = params.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body));
    if (signature != null) {
      request.header("X-Twilio-Signature", signature);
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

}
