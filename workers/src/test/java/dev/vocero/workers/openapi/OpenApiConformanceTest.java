package dev.vocero.workers.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import dev.vocero.store.TestDatabase;
import dev.vocero.workers.ApiClient;
import dev.vocero.workers.ApiClient.Reply;
import dev.vocero.workers.ApiClient.Session;
import dev.vocero.workers.CallFixtures;
import dev.vocero.workers.OpenApiContract;
import dev.vocero.workers.TestStack;
import dev.vocero.workers.Wav;
import dev.vocero.workers.config.VoceroConfiguration;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A representative tour of the API (sign-in, audio, batch, campaign, errors). {@link ApiClient} validates every response
 * against {@code /openapi.json}; the last test shows that the check rejects what the document does not describe.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class OpenApiConformanceTest {
  static final TestDatabase DB = TestDatabase.fresh();
  static final DropwizardAppExtension<VoceroConfiguration> APP =
      TestStack.app(DB, TestStack::temporalTarget, () -> "http://127.0.0.1:9");
  static final String SETTINGS = """
      {"name":"Conformance","callsPerSecond":0.01,"maxConcurrentCalls":1,"maxAttempts":1,
       "jurisdiction":"CUSTOM","customWindows":["MON-SUN 00:00-23:59"],"defaultRegion":"CO","answerTimeoutSeconds":10}""";

  @Test
  void givenARepresentativeFlow_everyResponseShouldMatchTheDocument() throws Exception {
    ApiClient api = new ApiClient(APP.getLocalPort());
    Session admin = api.registerAndLogin("Conformance");
    String token = admin.accessToken();
    assertEquals(200, api.get("/api/v1/auth/me", token).status());
    assertEquals(200, api.get("/api/v1/organization", token).status());
    assertEquals(200, api.post("/api/v1/auth/refresh", null, Map.of("refreshToken", admin.refreshToken())).status());

    Reply audio = api.upload("/api/v1/audios", token, "file", "call.wav", Wav.tone(1.0, 440), Map.of("language", "es"));
    assertEquals(202, audio.status(), String.valueOf(audio.body()));
    String audioId = audio.body().get("id").asText();
    assertEquals(200, api.get("/api/v1/audios/" + audioId, token).status());
    assertEquals(200, api.get("/api/v1/audios?page=1&pageSize=5", token).status());

    byte[] sheet = CallFixtures.workbook(List.of(List.of("Nombre", "Teléfono"), List.of("Ana", "3001234567")));
    assertEquals(200, api.upload("/api/v1/batches?dryRun=true", token, "file", "lista.xlsx", sheet,
        Map.of("settings", SETTINGS)).status());
    Reply batch = api.upload("/api/v1/batches", token, "file", "lista.xlsx", sheet, Map.of("settings", SETTINGS));
    assertEquals(201, batch.status(), String.valueOf(batch.body()));
    String batchId = batch.body().get("id").asText();
    assertEquals(200, api.get("/api/v1/batches/" + batchId, token).status());
    assertEquals(200, api.get("/api/v1/batches/" + batchId + "/calls", token).status());
    assertEquals(200, api.get("/api/v1/batches", token).status());
    assertEquals(200, api.get("/api/v1/batches/" + batchId + "/estimate", token).status());

    Reply campaign = api.post("/api/v1/campaigns", token, campaign(List.of(batchId)));
    assertEquals(201, campaign.status(), String.valueOf(campaign.body()));
    String campaignId = campaign.body().get("id").asText();
    assertEquals(200, api.get("/api/v1/campaigns/" + campaignId, token).status());
    assertEquals(200, api.get("/api/v1/campaigns", token).status());
    assertEquals(200, api.get("/api/v1/dashboard/overview", token).status());
    assertEquals(200, api.get("/api/v1/accounts/balance", token).status());
    assertEquals(201, api.post("/api/v1/dnc", token, Map.of("phone", "+573001112233")).status());
    assertEquals(204, api.send("DELETE", "/api/v1/dnc/+573001112233", token, null).status());
    assertEquals(204, api.send("DELETE", "/api/v1/campaigns/" + campaignId, token, null).status());
  }

  @Test
  void givenRefusedRequests_theirErrorsShouldMatchTheDocument() {
    ApiClient api = new ApiClient(APP.getLocalPort());
    String token = api.registerAndLogin("Errors").accessToken();
    assertEquals(401, api.get("/api/v1/audios", null).status());
    assertEquals(401, api.post("/api/v1/auth/login", null, Map.of("email", "nobody@example.com", "password", "wrong")).status());
    assertEquals(404, api.get("/api/v1/batches/" + UUID.randomUUID(), token).status());
    assertEquals(400, api.send("POST", "/api/v1/dnc", token, "{not json").status());
    Reply invalid = api.post("/api/v1/dnc", token, Map.of("phone", "12"));
    assertEquals(422, invalid.status());
    assertEquals("invalid_phone", invalid.code());
    assertEquals(422, api.post("/api/v1/auth/register", null, Map.of("email", "x")).status());
  }

  @Test
  void givenAResponseTheDocumentDoesNotDescribe_theValidatorShouldReject() {
    String base = "http://localhost:" + APP.getLocalPort();
    ValidationReport wrongBody = OpenApiContract.validator(base).validateResponse("/api/v1/auth/me", Request.Method.GET,
        SimpleResponse.Builder.ok().withContentType("application/json").withBody("{\"email\": 42}").build());
    assertTrue(wrongBody.hasErrors(), "a number where the document says string");
    ValidationReport wrongStatus = OpenApiContract.validator(base).validateResponse("/api/v1/auth/me", Request.Method.GET,
        SimpleResponse.Builder.status(418).withContentType("application/json").withBody("{}").build());
    assertTrue(wrongStatus.hasErrors(), "a status the document does not list");
    ValidationReport notAnError = OpenApiContract.validator(base).validateResponse("/api/v1/audios", Request.Method.GET,
        SimpleResponse.Builder.status(404).withContentType("application/json").withBody("{\"error\": \"x\"}").build());
    assertTrue(notAnError.hasErrors(), "a 4xx body that is not an ApiError");
    assertThrows(AssertionError.class, () -> OpenApiContract.assertConforms(base, "GET", java.net.URI.create(base + "/nowhere"),
        new ApiClient(APP.getLocalPort()).get("/api/v1/auth/me", null).raw()));
  }

  static Map<String, Object> campaign(List<String> batchIds) {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    Map<String, Object> body = new HashMap<>();
    body.put("name", "Conformance");
    body.put("startDate", today.toString());
    body.put("endDate", today.plusDays(30).toString());
    body.put("weekdays", List.of("MON", "TUE", "WED", "THU", "FRI"));
    body.put("windowStart", "09:00");
    body.put("windowEnd", "18:00");
    body.put("timeZone", "America/Bogota");
    body.put("dailyQuota", 100);
    body.put("batchIds", batchIds);
    return body;
  }
}
