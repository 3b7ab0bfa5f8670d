package dev.vocero.workers.api;

import static dev.vocero.workers.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vocero.store.TestDatabase;
import dev.vocero.workers.ApiClient;
import dev.vocero.workers.ApiClient.Reply;
import dev.vocero.workers.ApiClient.Session;
import dev.vocero.workers.CallFixtures;
import dev.vocero.workers.TestStack;
import dev.vocero.workers.config.VoceroConfiguration;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Rows grouped into persons at import, and a person's history through the gate: a Mexican debtor listed twice with two
 * numbers gets one call today, the other waits for tomorrow under the rule that says so.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class PersonContactsApiTest {
  static final TestDatabase DB = TestDatabase.fresh();
  static final DropwizardAppExtension<VoceroConfiguration> APP =
      TestStack.app(DB, TestStack::temporalTarget, () -> "http://127.0.0.1:9");
  static final String SETTINGS = """
      {"name":"Cobranza MX","callsPerSecond":20,"maxConcurrentCalls":3,"maxAttempts":1,"jurisdiction":"MX",
       "defaultRegion":"CO","answerTimeoutSeconds":10}""";
  static ApiClient api;
  static Session operator;

  @BeforeAll
  static void login() {
    api = new ApiClient(APP.getLocalPort());
    operator = api.registerAndLogin("Cobranzas del Norte");
  }

  @Test
  void givenRowsOfOnePersonWithTwoNumbers_whenCalled_itShouldGroupThemAndHoldTheSecondCallUnderTheRule()
      throws IOException {
    String zone = zoneInDaytime();
    byte[] xlsx = CallFixtures.workbook(List.of(
        List.of("Nombre", "Teléfono", "Documento", "Cuenta", "Zona horaria"),
        List.of("Ana Pérez", "300 123 4562", "GODE561231HDFRRN09", "", zone),
        List.of("Ana Pérez (trabajo)", "300 123 4572", "gode-561231-hdfrrn09", "", zone),
        List.of("Luis Gómez", "300 123 4582", "", "A-1", zone),
        List.of("Eva Gómez", "300 123 4592", "XXX-XX-1234", "A-1", zone),
        List.of("Sola", "300 123 4602", "", "", zone)));

    Reply dryRun = api.upload("/api/v1/batches?dryRun=true", operator.accessToken(), "file", "mx.xlsx", xlsx,
        Map.of("settings", SETTINGS));
    assertEquals(200, dryRun.status(), String.valueOf(dryRun.body()));
    JsonNode grouping = dryRun.body().get("persons");
    assertEquals(3, grouping.get("persons").asInt(), grouping.toString());
    assertEquals(2, grouping.get("rowsByDocument").asInt());
    assertEquals(2, grouping.get("rowsByKey").asInt());
    assertEquals(1, grouping.get("rowsAlone").asInt());
    assertEquals(2, grouping.get("rowsSharingAPerson").asInt());

    Reply created = api.upload("/api/v1/batches", operator.accessToken(), "file", "mx.xlsx", xlsx,
        Map.of("settings", SETTINGS));
    assertEquals(201, created.status(), String.valueOf(created.body()));
    assertEquals(grouping, created.body().get("persons"));
    String batch = created.body().get("id").asText();

    Map<String, Long> person = new HashMap<>();
    api.get("/api/v1/batches/" + batch + "/calls?pageSize=50", operator.accessToken()).body().get("items")
        .forEach(c -> person.put(c.get("name").asText(), c.get("personId").asLong()));
    assertEquals(person.get("Ana Pérez"), person.get("Ana Pérez (trabajo)"));
    assertEquals(person.get("Luis Gómez"), person.get("Eva Gómez"));
    assertEquals(3, person.values().stream().distinct().count());

    String path = "/api/v1/persons/" + person.get("Ana Pérez") + "/contacts";
    JsonNode items = eventually(() -> {
      JsonNode page = api.get(path, operator.accessToken()).body();
      return page.get("total").asInt() >= 2 ? page.get("items") : null;
    }, "two decisions for Ana");
    List<JsonNode> decisions = StreamSupport.stream(items.spliterator(), false).toList();
    JsonNode allowed = decisions.stream().filter(d -> d.get("decision").asText().equals("allow")).findFirst()
        .orElseThrow();
    JsonNode held = decisions.stream().filter(d -> d.get("decision").asText().equals("wait")).findFirst()
        .orElseThrow(() -> new AssertionError(items.toString()));
    assertEquals("mx.hours", allowed.get("ruleId").asText());
    assertEquals("call", allowed.get("channel").asText());
    assertEquals("mx.vocero-once-a-day", held.get("ruleId").asText());
    assertTrue(Instant.parse(held.get("notBefore").asText()).isAfter(Instant.parse(allowed.get("at").asText())));
    assertTrue(held.get("outcome").isNull(), "a wait contacted nobody, so it has no outcome: " + held);
    assertEquals(1, decisions.stream().filter(d -> d.get("decision").asText().equals("allow")).count());
    decisions.forEach(d -> assertFalse(d.get("phone").asText().contains("12345"), d.toString()));
    assertTrue(allowed.get("policy").asText().startsWith("MX@"));
  }

  @Test
  void givenAPersonOfAnotherOrganizationOrNone_itShouldAnswer404() {
    Session other = api.registerAndLogin("Otra organización");
    Reply unknown = api.get("/api/v1/persons/987654321/contacts", other.accessToken());
    assertEquals(404, unknown.status());
    assertEquals("not_found", unknown.body().get("code").asText());
    assertEquals(404, api.get("/api/v1/persons/not-a-number/contacts", other.accessToken()).status());
  }

  /** A zone where it is now between 09:00 and 20:00, inside Mexico's 07:00-22:00 window with room to spare. */
  private static String zoneInDaytime() {
    return Stream.of("Pacific/Kiritimati", "Asia/Tokyo", "Asia/Kolkata", "Europe/Madrid", "America/Sao_Paulo",
            "America/Bogota", "America/Los_Angeles", "Pacific/Honolulu", "Pacific/Pago_Pago")
        .filter(z -> {
          int hour = Instant.now().atZone(ZoneId.of(z)).getHour();
          return hour >= 9 && hour < 20;
        }).findFirst().orElseThrow();
  }
}
