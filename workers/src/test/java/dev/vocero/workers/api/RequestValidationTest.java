package dev.vocero.workers.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vocero.store.TestDatabase;
import dev.vocero.workers.ApiClient;
import dev.vocero.workers.ApiClient.Reply;
import dev.vocero.workers.ApiClient.Session;
import dev.vocero.workers.TestStack;
import dev.vocero.workers.config.VoceroConfiguration;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every request record, refused the same way: a table of method, path, body and the expected status, top-level code,
 * and the field and code of the detail that names the problem. Ordinary mistakes never reach a 500.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class RequestValidationTest {
  static final TestDatabase DB = TestDatabase.fresh();
  static final DropwizardAppExtension<VoceroConfiguration> APP =
      TestStack.app(DB, TestStack::temporalTarget, () -> "http://127.0.0.1:9");
  static final byte[] CSV = "Nombre,Celular\nAna,3001234560\n".getBytes(StandardCharsets.UTF_8);
  static final String SETTINGS = """
      {"callsPerSecond":0.01,"maxConcurrentCalls":1,"maxAttempts":1,"jurisdiction":"CUSTOM",
       "customWindows":["MON-SUN 00:00-23:59"],"defaultRegion":"CO"}""";
  static final String NUL = "\\u0000";

  static ApiClient api;
  static Session operator;
  static String batchId;
  static String draftId;
  static String webhookId;

  /** {@code body} is JSON; "$batch", "$draft" and "$webhook" are replaced; method UPLOAD posts it as batch settings. */
  record Case(String name, String method, String path, String body, int status, String code, String field,
      String detail) {
    @Override
    public String toString() {
      return name;
    }
  }

  @BeforeAll
  static void setUp() {
    api = new ApiClient(APP.getLocalPort());
    operator = api.registerAndLogin("Validación");
    Reply batch = api.upload("/api/v1/batches", operator.accessToken(), "file", "lista.csv", CSV,
        Map.of("settings", SETTINGS));
    assertEquals(201, batch.status(), String.valueOf(batch.body()));
    batchId = batch.body().get("id").asText();
    Reply draft = api.post("/api/v1/campaigns", operator.accessToken(), campaign().toString());
    assertEquals(201, draft.status(), String.valueOf(draft.body()));
    draftId = draft.body().get("id").asText();
    Reply webhook = api.post("/api/v1/webhooks", operator.accessToken(), Map.of("url", "https://hooks.example.com/v"));
    assertEquals(201, webhook.status(), String.valueOf(webhook.body()));
    webhookId = webhook.body().get("id").asText();
  }

  static Stream<Case> cases() {
    String c = "/api/v1/campaigns";
    return Stream.of(
        // a campaign without batches is an ordinary draft: batches come later
        ok("campaign without batchIds", "POST", c, without(campaign(), "batchIds"), 201),
        ok("campaign with batchIds null", "POST", c, with(campaign(), "batchIds", null), 201),
        bad("campaign without body", "POST", c, "", 400, "missing_body", "", "not_null"),
        bad("campaign malformed JSON", "POST", c, "{\"name\":", 400, "malformed_json", null, null),
        campaign("name missing", without(campaign(), "name"), "name", "not_blank"),
        campaign("name null", with(campaign(), "name", null), "name", "not_blank"),
        campaign("name too long", with(campaign(), "name", "x".repeat(201)), "name", "size"),
        campaign("name a number", with(campaign(), "name", List.of(1)), "name", "invalid_type"),
        campaign("name with NUL", campaign().toString().replace("Campaña", "Cam" + NUL + "paña"), "name",
            "nul_character"),
        campaign("startDate missing", without(campaign(), "startDate"), "startDate", "not_null"),
        campaign("startDate impossible", with(campaign(), "startDate", "2026-02-30"), "startDate", "invalid_date"),
        campaign("startDate wrong type", with(campaign(), "startDate", true), "startDate", "invalid_date"),
        campaign("startDate before 2000", with(campaign(), "startDate", "1999-12-31"), "startDate", "date_range"),
        campaign("endDate after 2100", with(campaign(), "endDate", "2101-01-01"), "endDate", "date_range"),
        campaign("endDate before startDate", with(campaign(), "endDate", "2020-01-01"), "endDate", "date_order"),
        campaign("weekdays empty", with(campaign(), "weekdays", List.of()), "weekdays", "not_empty"),
        campaign("weekday unknown", with(campaign(), "weekdays", List.of("MON", "FUNDAY")), "weekdays[1]",
            "invalid_value"),
        campaign("weekday null", campaign().toString().replace("[\"MON\"", "[null"), "weekdays[0]", "not_null"),
        campaign("windowStart unparseable", with(campaign(), "windowStart", "25:00"), "windowStart", "invalid_time"),
        campaign("window ends before it starts", with(with(campaign(), "windowStart", "18:00"), "windowEnd", "09:00"),
            "windowEnd", "window_order"),
        campaign("timeZone unknown", with(campaign(), "timeZone", "Mars/Olympus"), "timeZone", "time_zone"),
        campaign("timeZone an offset", with(campaign(), "timeZone", "+05:00"), "timeZone", "time_zone"),
        campaign("timeZone missing", without(campaign(), "timeZone"), "timeZone", "not_null"),
        campaign("dailyQuota negative", with(campaign(), "dailyQuota", -1), "dailyQuota", "range"),
        campaign("dailyQuota overflows int", campaign().toString().replace("\"dailyQuota\":100",
            "\"dailyQuota\":99999999999"), "dailyQuota", "range"),
        campaign("dailyQuota a word", with(campaign(), "dailyQuota", "many"), "dailyQuota", "invalid_number"),
        campaign("batchId malformed", with(campaign(), "batchIds", List.of("not-a-uuid")), "batchIds[0]",
            "invalid_uuid"),
        campaign("batchIds repeated", with(campaign(), "batchIds", List.of("$batch", "$batch")), "batchIds", "unique"),
        campaign("batchIds null element", campaign().toString().replace("\"batchIds\":[]", "\"batchIds\":[null]"),
            "batchIds[0]", "not_null"),
        campaign("message quota channel unknown", with(campaign(), "messageQuotas", Map.of("fax", 1)),
            "messageQuotas.fax", "invalid_value"),
        campaign("message quota negative", with(campaign(), "messageQuotas", Map.of("sms", -1)),
            "messageQuotas.sms", "range"),
        campaign("wave channel unknown", waves(wave("channel", "fax")), "waves[0].channel", "invalid_value"),
        campaign("wave disposition unknown", waves(wave("disposition", "maybe")), "waves[0].disposition",
            "invalid_value"),
        campaign("wave perMinute zero", waves(wave("perMinute", 0)), "waves[0].perMinute", "range"),
        campaign("wave without content", waves(without(wave("name", "Aviso"), "body")), "waves[0].body",
            "missing_content"),
        campaign("wave template on sms", waves(wave("contentSid", "HX" + "0".repeat(32))), "waves[0].contentSid",
            "template_needs_whatsapp"),
        campaign("wave batch not in campaign", with(campaign(), "waves", List.of(wave("name", "Aviso"))),
            "waves[0].batchId", "not_in_campaign"),
        campaign("wave batchId malformed", waves(wave("batchId", "123")), "waves[0].batchId", "invalid_uuid"),
        bad("campaign update endDate before startDate", "PUT", c + "/$draft",
            with(campaign(), "endDate", "2020-01-01"), 422, "invalid_campaign", "endDate", "date_order"),
        bad("add batch without batchId", "POST", c + "/$draft/batches", "{}", 422, "invalid_batch", "batchId",
            "not_null"),
        bad("add batch malformed batchId", "POST", c + "/$draft/batches", "{\"batchId\":\"nope\"}", 422,
            "invalid_batch", "batchId", "invalid_uuid"),
        bad("add wave of another batch", "POST", c + "/$draft/waves", with(wave("batchId", UUID.randomUUID()
            .toString()), "channel", "sms"), 422, "invalid_wave", "batchId", "not_in_campaign"),
        bad("add wave channel unknown", "POST", c + "/$draft/waves", wave("channel", "fax").toString()
            .replace("$batch", "00000000-0000-0000-0000-000000000001"), 422, "invalid_wave", "channel",
            "invalid_value"),
        bad("pace missing", "PATCH", "/api/v1/batches/$batch/pace", "{}", 422, "invalid_pace", "callsPerSecond",
            "not_null"),
        bad("pace zero", "PATCH", "/api/v1/batches/$batch/pace", "{\"callsPerSecond\":0}", 422, "invalid_pace",
            "callsPerSecond", "range"),
        bad("pace concurrency a word", "PATCH", "/api/v1/batches/$batch/pace",
            "{\"callsPerSecond\":1,\"maxConcurrentCalls\":\"many\"}", 422, "invalid_pace", "maxConcurrentCalls",
            "invalid_number"),
        ok("settings deadline blank means none", "UPLOAD", "/api/v1/batches", "{\"deadline\":\"\"}", 200),
        ok("settings retry and deadline accepted", "UPLOAD", "/api/v1/batches",
            "{\"retryDelaySeconds\":{\"busy\":60},\"deadline\":\"2030-01-01T00:00:00Z\"}", 200),
        settings("settings callsPerSecond zero", "{\"callsPerSecond\":0}", "callsPerSecond", "range"),
        settings("settings maxAttempts a word", "{\"maxAttempts\":\"x\"}", "maxAttempts", "invalid_number"),
        settings("settings maxAttempts overflows", "{\"maxAttempts\":99999999999}", "maxAttempts", "range"),
        settings("settings retry disposition unknown", "{\"retryDelaySeconds\":{\"maybe\":10}}",
            "retryDelaySeconds.maybe", "invalid_value"),
        settings("settings retry negative", "{\"retryDelaySeconds\":{\"busy\":-1}}", "retryDelaySeconds.busy",
            "range"),
        settings("settings deadline unparseable", "{\"deadline\":\"tomorrow\"}", "deadline", "invalid_date"),
        settings("settings deadline beyond 9999", "{\"deadline\":\"+10000-01-01T00:00:00Z\"}", "deadline", "date_range"),
        settings("settings deadline in year 3000", "{\"deadline\":\"3000-01-01T00:00:00Z\"}", "deadline", "date_range"),
        bad("register password of 40 ñ (80 bytes)", "POST", "/api/v1/auth/register", "{\"email\":\"n@example.com\","
            + "\"password\":\"" + "ñ".repeat(40) + "\",\"name\":\"Ñ\",\"organization\":\"Ñandú\"}", 422,
            "invalid_request", "password", "too_many_bytes"),
        bad("login password of 40 ñ (80 bytes)", "POST", "/api/v1/auth/login", "{\"email\":\"n@example.com\","
            + "\"password\":\"" + "ñ".repeat(40) + "\"}", 422, "invalid_request", "password", "too_many_bytes"),
        bad("login e-mail with NUL", "POST", "/api/v1/auth/login", "{\"email\":\"a" + NUL + "@example.com\","
            + "\"password\":\"long enough pw\"}", 422, "invalid_request", "email", "nul_character"),
        settings("settings language", "{\"scriptLanguage\":\"spanish\"}", "scriptLanguage", "pattern"),
        settings("settings region", "{\"defaultRegion\":\"Colombia\"}", "defaultRegion", "pattern"),
        settings("settings script with NUL", "{\"script\":\"Hola" + NUL + "\"}", "script", "nul_character"),
        settings("settings custom window", "{\"jurisdiction\":\"CUSTOM\",\"customWindows\":[\"MON 18:00-09:00\"]}",
            "customWindows", "calling_window"),
        bad("wave with NUL in its name", "POST", "/api/v1/messages/waves", "{\"name\":\"a" + NUL
            + "b\",\"channel\":\"sms\",\"body\":\"hola\",\"batchId\":\"$batch\"}", 422, "invalid_request", "name",
            "nul_character"),
        bad("wave batchId malformed", "POST", "/api/v1/messages/waves",
            "{\"name\":\"a\",\"channel\":\"sms\",\"body\":\"hola\",\"batchId\":\"x\"}", 422, "invalid_request",
            "batchId", "invalid_uuid"),
        bad("alerts audioId malformed", "GET", "/api/v1/alerts?audioId=nope", null, 422, "invalid_filter", "audioId",
            "invalid_uuid"),
        bad("webhook url not http", "POST", "/api/v1/webhooks", "{\"url\":\"ftp://x.example.com\"}", 422,
            "invalid_url", "url", "invalid_value"),
        bad("webhook event type unknown", "POST", "/api/v1/webhooks",
            "{\"url\":\"https://x.example.com\",\"eventTypes\":[\"alert.raised\",\"call.ended\"]}", 422,
            "unknown_event_type", "eventTypes[1]", "invalid_value"),
        bad("webhook url with NUL", "POST", "/api/v1/webhooks", "{\"url\":\"https://x.example.com/" + NUL + "\"}",
            422, "invalid_request", "url", "nul_character"),
        bad("organization region unknown", "PATCH", "/api/v1/organization", "{\"piiPhoneRegion\":\"XX\"}", 422,
            "invalid_region", "piiPhoneRegion", "invalid_value"),
        bad("user role unknown", "POST", "/api/v1/users", "{\"email\":\"r@example.com\",\"password\":"
            + "\"long enough pw\",\"name\":\"R\",\"role\":\"boss\"}", 422, "invalid_role", "role", "invalid_value"),
        bad("calls status with NUL", "GET", "/api/v1/batches/$batch/calls?status=no%00", null, 422,
            "invalid_request", "status", "nul_character"),
        bad("messages phone with NUL", "GET", "/api/v1/messages?phone=%2B57300%00", null, 422, "invalid_request",
            "phone", "nul_character"),
        bad("alerts status unknown", "GET", "/api/v1/alerts?status=closed", null, 422, "invalid_filter", "status",
            "invalid_value"),
        bad("audios status unknown", "GET", "/api/v1/audios?status=lost", null, 422, "invalid_status", "status",
            "invalid_value"),
        bad("messages state unknown", "GET", "/api/v1/messages?state=lost", null, 422, "invalid_state", "state",
            "invalid_value"),
        bad("audios pageSize a word", "GET", "/api/v1/audios?page=1&pageSize=x", null, 422, "invalid_paging",
            "pageSize", "invalid_number"));
  }

  /** One paging rule for every list: page 1..10000, pageSize 1..100, as numbers; beyond is 422 naming it. */
  static Stream<Case> paging() {
    return Stream.of("/api/v1/audios", "/api/v1/batches", "/api/v1/batches/$batch/calls", "/api/v1/dnc",
        "/api/v1/chat/conversations", "/api/v1/messages", "/api/v1/alerts", "/api/v1/webhooks/$webhook/deliveries",
        "/api/v1/accounts/transactions", "/api/v1/campaigns").flatMap(list -> Stream.of(
            bad(list + " page overflow", "GET", list + "?page=2147483647", null, 422, "invalid_paging", "page",
                "range"),
            bad(list + " page past long", "GET", list + "?page=99999999999999999999", null, 422, "invalid_paging",
                "page", "invalid_number"),
            bad(list + " page zero", "GET", list + "?page=0", null, 422, "invalid_paging", "page", "range"),
            bad(list + " pageSize 101", "GET", list + "?pageSize=101", null, 422, "invalid_paging", "pageSize",
                "range"),
            ok(list + " last page", "GET", list + "?page=10000&pageSize=100", null, 200)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource({"cases", "paging"})
  void givenARequest_itShouldAnswerWithTheStatusCodeAndField(Case c) {
    String body = c.body() == null ? null : fill(c.body());
    Reply reply = "UPLOAD".equals(c.method())
        ? api.upload("/api/v1/batches?dryRun=true", operator.accessToken(), "file", "lista.csv", CSV,
            Map.of("settings", body))
        : api.send(c.method(), fill(c.path()), operator.accessToken(), body);
    assertEquals(c.status(), reply.status(), c.name() + ": " + reply.body());
    if (c.status() == 200 && c.path().contains("page=10000")) {
      assertEquals(0, reply.body().get("items").size(), "the page after the last row is empty");
      assertEquals(10000, reply.body().get("page").asInt());
      return;
    }
    if (c.code() == null) {
      return;
    }
    assertEquals(c.code(), reply.code(), c.name() + ": " + reply.body());
    assertTrue(reply.body().get("message").asText().length() > 0, reply.body().toString());
    assertTrue(reply.body().get("details").isArray(), reply.body().toString());
    if (c.field() != null) {
      JsonNode detail = detailFor(reply.body(), c.field());
      assertTrue(detail != null, c.name() + ": no detail for " + c.field() + " in " + reply.body());
      assertEquals(c.detail(), detail.get("code").asText(), c.name() + ": " + reply.body());
      assertTrue(detail.get("message").asText().length() > 0, reply.body().toString());
    }
  }

  private static JsonNode detailFor(JsonNode body, String field) {
    for (JsonNode detail : body.get("details")) {
      if (field.equals(detail.get("field").asText())) {
        return detail;
      }
    }
    return null;
  }

  private static String fill(String text) {
    return text.replace("$batch", batchId).replace("$draft", draftId).replace("$webhook", webhookId);
  }

  private static Case ok(String name, String method, String path, Object body, int status) {
    return new Case(name, method, path, body == null ? null : body.toString(), status, null, null, null);
  }

  private static Case bad(String name, String method, String path, Object body, int status, String code, String field,
      String detail) {
    return new Case(name, method, path, body == null ? null : body.toString(), status, code, field, detail);
  }

  private static Case campaign(String name, Object body, String field, String detail) {
    return bad("campaign " + name, "POST", "/api/v1/campaigns", body, 422, "invalid_campaign", field, detail);
  }

  private static Case settings(String name, String settings, String field, String detail) {
    return bad(name, "UPLOAD", "/api/v1/batches", settings, 422, "invalid_settings", field, detail);
  }

  static ObjectNode campaign() {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    ObjectNode body = ApiClient.JSON.createObjectNode();
    body.put("name", "Campaña");
    body.put("startDate", today.toString());
    body.put("endDate", today.plusDays(30).toString());
    body.set("weekdays", ApiClient.JSON.valueToTree(List.of("MON", "TUE", "WED", "THU", "FRI")));
    body.put("windowStart", "09:00");
    body.put("windowEnd", "18:00");
    body.put("timeZone", "America/Bogota");
    body.put("dailyQuota", 100);
    body.set("batchIds", ApiClient.JSON.createArrayNode());
    return body;
  }

  /** A campaign with the test batch and one wave to its contacts. */
  static ObjectNode waves(ObjectNode wave) {
    return with(with(campaign(), "batchIds", List.of("$batch")), "waves", List.of(wave));
  }

  /** A valid SMS wave to the test batch, with one field changed. */
  static ObjectNode wave(String field, Object value) {
    ObjectNode wave = ApiClient.JSON.createObjectNode();
    wave.put("name", "Recordatorio");
    wave.put("channel", "sms");
    wave.put("body", "Hola {{name}}");
    wave.put("batchId", "$batch");
    return with(wave, field, value);
  }

  static ObjectNode with(ObjectNode node, String field, Object value) {
    ObjectNode copy = node.deepCopy();
    copy.set(field, ApiClient.JSON.valueToTree(value));
    return copy;
  }

  static ObjectNode without(ObjectNode node, String field) {
    ObjectNode copy = node.deepCopy();
    copy.remove(field);
    return copy;
  }
}
