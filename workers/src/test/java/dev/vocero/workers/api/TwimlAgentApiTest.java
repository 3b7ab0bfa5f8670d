package dev.vocero.workers.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** A batch with an AI agent: Twilio fetching the TwiML gets a hand-off to the agent instead of the script. */
@ExtendWith(DropwizardExtensionsSupport.class)
class TwimlAgentApiTest {
  static final TestDatabase DB = TestDatabase.fresh();
  static final DropwizardAppExtension<VoceroConfiguration> APP =
      TestStack.app(DB, TestStack::temporalTarget, () -> "http://127.0.0.1:9");
  static final String TOKEN = "sandbox-auth-token";
  static final byte[] CSV = "Nombre,Celular,Monto\nAna,3001234560,150000\n".getBytes(StandardCharsets.UTF_8);
  static Jdbi jdbi;

  @BeforeAll
  static void database() {
    jdbi = DB.jdbi();
  }

  @Test
  void givenAStreamAgent_whenTwilioFetchesTheTwiml_itShouldConnectAStreamWithTheContactsVariables() throws Exception {
    UUID attemptId = attemptWithAgent("""
        {"type":"stream","url":"wss://agent.example.com/media?tenant=cobranzas",
         "parameters":{"campaign":"noviembre","greeting":"Hola {{name}}"}}""");

    HttpResponse<String> reply = fetchTwiml(attemptId, true);

    assertEquals(200, reply.statusCode(), reply.body());
    Element response = parse(reply.body());
    Element connect = only(response, "Connect");
    Element stream = only(connect, "Stream");
    assertEquals("wss://agent.example.com/media?tenant=cobranzas", stream.getAttribute("url"));
    Map<String, String> parameters = new LinkedHashMap<>();
    NodeList list = stream.getElementsByTagName("Parameter");
    for (int i = 0; i < list.getLength(); i++) {
      Element p = (Element) list.item(i);
      parameters.put(p.getAttribute("name"), p.getAttribute("value"));
    }
    assertEquals(attemptId.toString(), parameters.get("attempt_id"));
    assertEquals("Ana", parameters.get("name"));
    assertEquals("noviembre", parameters.get("campaign"));
    assertEquals("Hola Ana", parameters.get("greeting"), "placeholders rendered with the contact's variables");
    assertFalse(parameters.values().stream().anyMatch(v -> v.contains("3001234560")), "no phone number: " + parameters);
    assertEquals(0, response.getElementsByTagName("Say").getLength(), "the agent speaks, not the script");
  }

  @Test
  void givenASipAgent_whenTwilioFetchesTheTwiml_itShouldDialTheSipUri() throws Exception {
    UUID attemptId = attemptWithAgent("{\"type\":\"sip\",\"uri\":\"sips:agente@sip.example.com;transport=tls\"}");

    HttpResponse<String> reply = fetchTwiml(attemptId, true);

    assertEquals(200, reply.statusCode(), reply.body());
    Element sip = only(only(parse(reply.body()), "Dial"), "Sip");
    assertEquals("sips:agente@sip.example.com;transport=tls", sip.getTextContent().trim());
  }

  @Test
  void givenAnAgentBatch_whenTheSignatureIsForged_itShouldAnswer403() throws Exception {
    UUID attemptId = attemptWithAgent("{\"type\":\"sip\",\"uri\":\"sip:agente@sip.example.com\"}");

    HttpResponse<String> reply = fetchTwiml(attemptId, false);

    assertEquals(403, reply.statusCode());
    assertTrue(reply.body().contains("invalid_signature"), reply.body());
    assertFalse(reply.body().contains("sip.example.com"), reply.body());
  }

  @Test
  void givenAnUploadWithAnAgent_itShouldStoreItAndTheTwimlShouldUseIt() throws Exception {
    ApiClient api = new ApiClient(APP.getLocalPort());
    Session session = api.registerAndLogin("Agentes IA");
    Reply created = api.upload("/api/v1/batches", session.accessToken(), "file", "agente.csv", CSV, Map.of("settings",
        "{\"defaultRegion\":\"CO\",\"jurisdiction\":\"CUSTOM\",\"customWindows\":[\"MON-SUN 00:00-23:59\"],"
            + "\"agent\":{\"type\":\"STREAM\",\"url\":\"wss://agent.example.com/media\"}}"));
    assertEquals(201, created.status(), String.valueOf(created.body()));

    String stored = jdbi.withHandle(h -> h.createQuery("select agent::text from call_batches where id = :id")
        .bind("id", UUID.fromString(created.body().get("id").asText())).mapTo(String.class).one());
    assertTrue(stored.contains("\"type\": \"stream\"") || stored.contains("\"type\":\"stream\""), stored);
    assertTrue(stored.contains("wss://agent.example.com/media"), stored);
  }

  @Test
  void givenInvalidAgents_itShouldRefuseTheUploadWith422AndAClearMessage() {
    ApiClient api = new ApiClient(APP.getLocalPort());
    Session session = api.registerAndLogin("Agentes inválidos");
    assertRefused(api, session, "{\"type\":\"stream\",\"url\":\"ws://agent.example.com/media\"}", "agent.url", "wss://");
    assertRefused(api, session, "{\"type\":\"stream\",\"url\":\"https://agent.example.com\"}", "agent.url", "wss://");
    assertRefused(api, session, "{\"type\":\"stream\"}", "agent.url", "wss://");
    assertRefused(api, session, "{\"type\":\"sip\",\"uri\":\"tel:+573001234560\"}", "agent.uri", "sip: or sips:");
    assertRefused(api, session, "{\"type\":\"sip\",\"uri\":\"sip:sin-usuario\"}", "agent.uri", "sip: or sips:");
    assertRefused(api, session, "{\"type\":\"webhook\",\"url\":\"wss://a.example.com\"}", "agent.type", "\"stream\"");
    assertRefused(api, session, "{\"type\":\"stream\",\"url\":\"wss://a.example.com\",\"parameters\":{\"bad name\":\"x\"}}",
        "agent.parameters", "names use letters");
  }

  private static void assertRefused(ApiClient api, Session session, String agent, String field, String hint) {
    Reply reply = api.upload("/api/v1/batches?dryRun=true", session.accessToken(), "file", "agente.csv", CSV,
        Map.of("settings", "{\"defaultRegion\":\"CO\",\"agent\":" + agent + "}"));
    assertEquals(422, reply.status(), String.valueOf(reply.body()));
    assertEquals("invalid_settings", reply.code());
    assertEquals(field, reply.body().at("/details/0/field").asText(), String.valueOf(reply.body()));
    assertTrue(reply.body().get("message").asText().contains(hint), String.valueOf(reply.body()));
  }

  private static UUID attemptWithAgent(String agent) {
    UUID attemptId = CallFixtures.placedAttempt(jdbi, "sandbox", "CA" + UUID.randomUUID().toString().replace("-", ""));
    jdbi.useHandle(h -> h.createUpdate("update call_batches set agent = cast(:agent as jsonb)"
        + " where id = (select batch_id from call_attempts where id = :attempt)")
        .bind("agent", agent).bind("attempt", attemptId).execute());
    return attemptId;
  }

  private static HttpResponse<String> fetchTwiml(UUID attemptId, boolean signed) throws Exception {
    String url = "http://localhost:" + APP.getLocalPort() + "/twiml/calls/" + attemptId;
    Map<String, String> params = Map.of("CallSid", "CA" + "2".repeat(32), "CallStatus", "in-progress",
        "To", "+573001234560", "AccountSid", "AC" + "0".repeat(32));
    String body = params.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    String signature = signed ? TwilioSignatures.sign(TOKEN, url, params) : TwilioSignatures.sign("forged", url, params);
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-Twilio-Signature", signature)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static Element parse(String xml) throws Exception {
    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    Element root = doc.getDocumentElement();
    assertEquals("Response", root.getTagName());
    return root;
  }

  private static Element only(Element parent, String tag) {
    NodeList nodes = parent.getElementsByTagName(tag);
    assertEquals(1, nodes.getLength(), "one <" + tag + "> in <" + parent.getTagName() + ">");
    return (Element) nodes.item(0);
  }
}
