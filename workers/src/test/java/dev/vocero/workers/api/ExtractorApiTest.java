package dev.vocero.workers.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vocero.store.TestDatabase;
import dev.vocero.workers.ApiClient;
import dev.vocero.workers.ApiClient.Reply;
import dev.vocero.workers.ApiClient.Session;
import dev.vocero.workers.TestStack;
import dev.vocero.workers.config.VoceroConfiguration;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
class ExtractorApiTest {
  static final TestDatabase DB = TestDatabase.fresh();
  static final DropwizardAppExtension<VoceroConfiguration> APP =
      TestStack.app(DB, TestStack::temporalTarget, () -> "http://127.0.0.1:9");
  static ApiClient api;
  static Session admin;

  static final Map<String, Object> CHURN_SCHEMA = Map.of("type", "object", "additionalProperties", false,
      "required", List.of("risk"), "properties", Map.of("risk", Map.of("type", "string", "enum",
          List.of("low", "medium", "high"))));

  @BeforeAll
  static void login() {
    api = new ApiClient(APP.getLocalPort());
    admin = api.registerAndLogin("Retención Andina");
  }

  private static Map<String, Object> extractor(String name, Object schema) {
    return Map.of("name", name, "description", "Churn risk", "instructions", "How likely is the customer to leave?",
        "schema", schema);
  }

  @Test
  void givenANewOrganization_whenListing_itShouldShowTheSevenDefaultsEnabledAtVersionOne() {
    Session fresh = api.registerAndLogin("Nueva");

    Reply list = api.get("/api/v1/extractors", fresh.accessToken());

    assertEquals(200, list.status());
    List<String> names = new ArrayList<>();
    list.body().forEach(e -> {
      names.add(e.get("name").asText());
      assertEquals(1, e.get("version").asInt());
      assertTrue(e.get("enabled").asBoolean());
      assertEquals("object", e.at("/schema/type").asText());
    });
    assertEquals(List.of("callback_request", "complaint", "intent", "opportunities", "payment_promise", "sentiment",
        "summary"), names);
  }

  @Test
  void givenAValidExtractor_whenCreatedAndVersioned_itShouldKeepEveryVersionAndRunTheLatest() {
    Reply created = api.post("/api/v1/extractors", admin.accessToken(), extractor("churn_risk", CHURN_SCHEMA));
    assertEquals(201, created.status(), String.valueOf(created.body()));
    assertTrue(created.header("Location").endsWith("/api/v1/extractors/churn_risk"));
    assertEquals(1, created.body().get("version").asInt());

    Reply again = api.post("/api/v1/extractors", admin.accessToken(), extractor("churn_risk", CHURN_SCHEMA));
    assertEquals(409, again.status());
    assertEquals("extractor_exists", again.code());

    Reply v2 = api.post("/api/v1/extractors/churn_risk/versions", admin.accessToken(), Map.of(
        "description", "Churn risk with reason", "instructions", "Judge churn risk and say why.",
        "schema", Map.of("type", "object", "required", List.of("risk", "reason"), "properties", Map.of(
            "risk", Map.of("type", "string"), "reason", Map.of("type", "string")))));
    assertEquals(201, v2.status(), String.valueOf(v2.body()));
    assertEquals(2, v2.body().get("version").asInt());

    JsonNode detail = api.get("/api/v1/extractors/churn_risk", admin.accessToken()).body();
    assertEquals(2, detail.at("/current/version").asInt());
    assertEquals(2, detail.get("versions").size());
    assertEquals("How likely is the customer to leave?", detail.at("/versions/0/instructions").asText());

    Reply disabled = api.send("POST", "/api/v1/extractors/churn_risk/disable", admin.accessToken(), null);
    assertEquals(200, disabled.status());
    assertFalse(disabled.body().get("enabled").asBoolean());
    assertTrue(api.post("/api/v1/extractors/churn_risk/enable", admin.accessToken(), Map.of()).body()
        .get("enabled").asBoolean());
  }

  @Test
  void givenSchemasThatAreNotUsableJsonSchemas_whenSubmitted_itShouldAnswer422WithTheProblems() {
    Reply badType = api.post("/api/v1/extractors", admin.accessToken(),
        extractor("bad_type", Map.of("type", "object", "properties", Map.of("x", Map.of("type", "strin")))));
    assertEquals(422, badType.status());
    assertEquals("invalid_schema", badType.code());
    assertTrue(badType.body().get("details").size() > 0, badType.body().toString());
    assertTrue(badType.body().toString().contains("properties/x/type") || badType.body().toString().contains("x.type"),
        badType.body().toString());

    Reply notObject = api.post("/api/v1/extractors", admin.accessToken(), extractor("list_only",
        Map.of("type", "array", "items", Map.of("type", "string"))));
    assertEquals(422, notObject.status());
    assertTrue(notObject.body().get("message").asText().contains("\"type\": \"object\""));

    Reply scalar = api.post("/api/v1/extractors", admin.accessToken(), extractor("scalar", "just text"));
    assertEquals(422, scalar.status());

    Reply badName = api.post("/api/v1/extractors", admin.accessToken(), extractor("Churn Risk!", CHURN_SCHEMA));
    assertEquals(422, badName.status());

    Reply badVersion = api.post("/api/v1/extractors/sentiment/versions", admin.accessToken(), Map.of(
        "description", "d", "instructions", "i", "schema", Map.of("type", "object", "minProperties", -1)));
    assertEquals(422, badVersion.status());
    assertEquals(1, api.get("/api/v1/extractors/sentiment", admin.accessToken()).body().get("versions").size(),
        "nothing stored on a refused version");
  }

  @Test
  void givenSchemasThatReachOutOrExhaustTheServer_whenSubmitted_itShouldFetchNothingAndAnswer422() throws Exception {
    com.sun.net.httpserver.HttpServer metadata = com.sun.net.httpserver.HttpServer.create(
        new java.net.InetSocketAddress("127.0.0.1", 0), 0);
    java.util.concurrent.atomic.AtomicInteger fetched = new java.util.concurrent.atomic.AtomicInteger();
    metadata.createContext("/", exchange -> {
      fetched.incrementAndGet();
      byte[] body = "{\"type\":\"string\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    metadata.start();
    try {
      String local = "http://127.0.0.1:" + metadata.getAddress().getPort() + "/latest/meta-data";
      for (String ref : List.of(local, "http://169.254.169.254/latest/meta-data/iam", "file:///etc/passwd",
          "other.json#/x")) {
        Reply reply = api.post("/api/v1/extractors", admin.accessToken(), extractor("ssrf_probe",
            Map.of("type", "object", "properties", Map.of("x", Map.of("$ref", ref)))));
        assertEquals(422, reply.status(), reply.body().toString());
        assertEquals("external_reference", reply.body().at("/details/0/code").asText(), reply.body().toString());
        assertEquals("schema.properties.x.$ref", reply.body().at("/details/0/field").asText());
      }
      assertEquals(0, fetched.get(), "no schema reference is ever fetched");
    } finally {
      metadata.stop(0);
    }

    Map<String, Object> deep = Map.of("type", "string");
    for (int i = 0; i < 400; i++) {
      deep = Map.of("type", "object", "properties", Map.of("x", deep));
    }
    Reply tooDeep = api.post("/api/v1/extractors", admin.accessToken(), extractor("deep", deep));
    assertEquals(422, tooDeep.status(), "a StackOverflowError used to answer 500");
    assertEquals("too_deep", tooDeep.body().at("/details/0/code").asText());

    Reply lookAround = api.post("/api/v1/extractors", admin.accessToken(), extractor("look_around",
        Map.of("type", "object", "properties", Map.of("x", Map.of("type", "string", "pattern", "^(?=a)(a+)+\\1$")))));
    assertEquals(422, lookAround.status());
    assertEquals("unsupported_pattern", lookAround.body().at("/details/0/code").asText());

    Reply local = api.post("/api/v1/extractors", admin.accessToken(), extractor("local_ref", Map.of("type", "object",
        "$defs", Map.of("risk", Map.of("type", "string", "pattern", "^(a+)+$")),
        "properties", Map.of("risk", Map.of("$ref", "#/$defs/risk")))));
    assertEquals(201, local.status(), "references inside the schema and RE2 patterns stay usable: " + local.body());
    int refusedRows = DB.jdbi().withHandle(h -> h.createQuery(
        "select count(*) from extractors where name in ('ssrf_probe', 'deep', 'look_around')").mapTo(Integer.class).one());
    assertEquals(0, refusedRows);
  }

  @Test
  void givenAnotherOrganizationOrAViewer_itShouldNeitherSeeNorChangeTheExtractor() {
    api.post("/api/v1/extractors", admin.accessToken(), extractor("private_one", CHURN_SCHEMA));
    Session other = api.registerAndLogin("Otra");
    assertEquals(404, api.get("/api/v1/extractors/private_one", other.accessToken()).status());
    assertEquals(404, api.post("/api/v1/extractors/private_one/disable", other.accessToken(), Map.of()).status());
    assertEquals(404, api.post("/api/v1/extractors/missing/versions", admin.accessToken(), Map.of(
        "description", "d", "instructions", "i", "schema", CHURN_SCHEMA)).status());

    String email = "viewer-" + UUID.randomUUID() + "@example.com";
    assertEquals(201, api.post("/api/v1/users", admin.accessToken(),
        Map.of("email", email, "password", "long enough pw", "name", "Vera", "role", "viewer")).status());
    Session viewer = api.login(email, "long enough pw");
    assertEquals(200, api.get("/api/v1/extractors", viewer.accessToken()).status());
    assertEquals(403, api.post("/api/v1/extractors", viewer.accessToken(), extractor("nope", CHURN_SCHEMA)).status());
    assertEquals(403, api.post("/api/v1/extractors/sentiment/disable", viewer.accessToken(), Map.of()).status());
  }
}
