package dev.vocero.workers.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import dev.vocero.store.TestDatabase;
import dev.vocero.workers.ApiClient;
import dev.vocero.workers.ApiClient.Reply;
import dev.vocero.workers.ApiClient.Session;
import dev.vocero.workers.CallFixtures;
import dev.vocero.workers.TestStack;
import dev.vocero.workers.config.VoceroConfiguration;
import dev.vocero.workflows.calls.CallIds;
import dev.vocero.workflows.codec.EncryptionCodec;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.temporal.api.common.v1.Payload;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A real batch's Temporal histories, read with a plain client (no codec), hold only ciphertext; the codec endpoint
 * gives the originals back to a platform operator, and to nobody else.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class PayloadEncryptionEndToEndTest {
  static final TestDatabase DB = TestDatabase.fresh();
  static final DropwizardAppExtension<VoceroConfiguration> APP =
      TestStack.app(DB, TestStack::temporalTarget, () -> "http://127.0.0.1:9",
          ConfigOverride.config("temporal.rpcTimeoutSeconds", "15")); // the machine may be busy: slow is no failure
  static final String SETTINGS = """
      {"name":"Cobranza cifrada","callsPerSecond":20,"maxConcurrentCalls":3,"maxAttempts":1,
       "jurisdiction":"CUSTOM","customWindows":["MON-SUN 00:00-23:59"],"defaultRegion":"CO","answerTimeoutSeconds":10}""";
  static ApiClient api;
  static Session admin;
  static Session ops;
  static WorkflowServiceStubs plainStubs;

  @BeforeAll
  static void setUp() {
    api = new ApiClient(APP.getLocalPort());
    admin = api.registerAndLogin("Cobranzas Cifradas");
    ops = api.platformOperator();
    plainStubs = WorkflowServiceStubs.newServiceStubs(
        WorkflowServiceStubsOptions.newBuilder().setTarget(TestStack.temporalTarget()).build());
  }

  @AfterAll
  static void tearDown() {
    plainStubs.shutdown();
  }

  @Test
  void givenACompletedBatch_whenItsHistoryIsReadWithoutTheCodec_itShouldShowOnlyCiphertext() throws Exception {
    UUID batchId = completedBatch();
    List<Payload> payloads = new ArrayList<>();
    WorkflowClient plain = WorkflowClient.newInstance(plainStubs, WorkflowClientOptions.newBuilder().build());
    List<String> workflowIds = new ArrayList<>(List.of(CallIds.batchWorkflowId(batchId)));
    DB.jdbi().withHandle(h -> h.createQuery("select id from contacts where batch_id = :b").bind("b", batchId)
        .mapTo(Long.class).list()).forEach(contact -> workflowIds.add(CallIds.contactWorkflowId(batchId, contact)));
    for (String workflowId : workflowIds) {
      collect(plain.fetchHistory(workflowId).getHistory(), payloads);
    }

    var first = plain.fetchHistory(CallIds.batchWorkflowId(batchId)).getHistory().getEvents(0);
    var memo = first.getWorkflowExecutionStartedEventAttributes().getMemo();
    assertTrue(memo.getFieldsCount() > 0 && first.hasUserMetadata(), "the Web UI labels (memo, summary) are there");
    assertTrue(memo.getFieldsMap().values().stream().allMatch(EncryptionCodec::isEncrypted)
        && EncryptionCodec.isEncrypted(first.getUserMetadata().getSummary()), "memo and summary go through the codec");
    assertTrue(payloads.size() > 10, "inputs, results and signals of the batch and two contacts: " + payloads.size());
    for (Payload payload : payloads) {
      assertTrue(EncryptionCodec.isEncrypted(payload), "every payload is encrypted: " + payload);
      String raw = payload.toByteString().toString(StandardCharsets.ISO_8859_1);
      for (String secret : List.of("3001234560", "3001234561", "Ana", "Luis", "MON-SUN", batchId.toString())) {
        assertFalse(raw.contains(secret), "no clear text in a stored payload: " + secret);
      }
    }

    Reply decoded = decode(ops, payloads, Map.of("X-Namespace", "default"));
    assertEquals(200, decoded.status(), String.valueOf(decoded.body()));
    String originals = texts(decoded.body());
    assertTrue(originals.contains(batchId.toString()) && originals.contains("MON-SUN 00:00-23:59"), originals);
    assertFalse(originals.contains("3001234560") || originals.contains("Ana P"),
        "1.0's payloads carry ids, not the contacts' data (which stays in PostgreSQL)");
  }

  @Test
  void givenTheCodecEndpoint_whenEncodingThenDecoding_itShouldRoundTripAndRefuseTamperingAndOtherUsers() {
    Map<String, String> json = Map.of("encoding", b64("json/plain"));
    Map<String, Object> body = Map.of("payloads", List.of(Map.of("metadata", json, "data", b64("\"+573001234560\""))));

    Reply encoded = api.post("/codec/encode", ops.accessToken(), body);
    assertEquals(200, encoded.status(), String.valueOf(encoded.body()));
    JsonNode sealed = encoded.body().at("/payloads/0");
    assertEquals(EncryptionCodec.ENCODING, text(sealed.at("/metadata/encoding").asText()));
    assertEquals("test-1", text(sealed.at("/metadata/encryption-key-id").asText()));

    Reply decoded = api.post("/codec/decode", ops.accessToken(), Map.of("payloads", List.of(sealed)));
    assertEquals(200, decoded.status());
    assertEquals("\"+573001234560\"", text(decoded.body().at("/payloads/0/data").asText()));
    assertEquals("json/plain", text(decoded.body().at("/payloads/0/metadata/encoding").asText()));

    Reply plainPassesThrough = api.post("/codec/decode", ops.accessToken(), body);
    assertEquals(200, plainPassesThrough.status());
    assertEquals(b64("\"+573001234560\""), plainPassesThrough.body().at("/payloads/0/data").asText());

    byte[] data = Base64.getDecoder().decode(sealed.at("/data").asText());
    data[data.length - 1] ^= 1;
    Map<String, Object> tampered = Map.of("payloads", List.of(Map.of("metadata",
        Map.of("encoding", sealed.at("/metadata/encoding").asText(), "encryption-key-id",
            sealed.at("/metadata/encryption-key-id").asText()), "data", Base64.getEncoder().encodeToString(data))));
    Reply refused = api.post("/codec/decode", ops.accessToken(), tampered);
    assertEquals(422, refused.status());
    assertEquals("undecodable_payload", refused.code());

    Reply otherNamespace = api.send("POST", "/codec/decode", ops.accessToken(), Map.of("payloads", List.of(sealed)),
        Map.of("X-Namespace", "someone-else"));
    assertEquals(200, otherNamespace.status());
    assertEquals(sealed.at("/data").asText(), otherNamespace.body().at("/payloads/0/data").asText(),
        "another namespace's payloads are not Vocero's to decode");

    Reply orgAdmin = api.post("/codec/decode", admin.accessToken(), Map.of("payloads", List.of(sealed)));
    assertEquals(403, orgAdmin.status(), "an organization's admin may not open every organization's payloads");
    assertEquals("platform_operator_only", orgAdmin.code());
    assertEquals(401, api.post("/codec/decode", null, Map.of("payloads", List.of(sealed))).status());

    Reply badBase64 = api.post("/codec/decode", ops.accessToken(),
        Map.of("payloads", List.of(Map.of("metadata", Map.of("encoding", "%%%"), "data", "@@"))));
    assertEquals(422, badBase64.status());
    assertEquals("invalid_base64", badBase64.body().at("/details/0/code").asText());
    assertEquals("payloads[0].data", badBase64.body().at("/details/0/field").asText());
  }

  @Test
  void givenTheWebUiOrigin_whenItPreflights_itShouldBeAllowedAndAnyOtherOriginNot() throws Exception {
    // a browser's preflight is not an API operation (the document has no OPTIONS), so it goes around ApiClient
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> allowed = http.send(preflight("http://localhost:8233"), HttpResponse.BodyHandlers.ofString());
    assertEquals(204, allowed.statusCode());
    assertEquals("http://localhost:8233", allowed.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
    assertTrue(allowed.headers().firstValue("Access-Control-Allow-Headers").orElse("").contains("X-Namespace"));
    assertEquals("true", allowed.headers().firstValue("Access-Control-Allow-Credentials").orElse(null));

    HttpResponse<String> other = http.send(preflight("https://evil.example"), HttpResponse.BodyHandlers.ofString());
    assertNull(other.headers().firstValue("Access-Control-Allow-Origin").orElse(null));

    Reply fromWebUi = api.send("POST", "/codec/decode", ops.accessToken(), Map.of("payloads", List.of()),
        Map.of("Origin", "http://localhost:8233", "X-Namespace", "default"));
    assertEquals(200, fromWebUi.status());
    assertEquals("http://localhost:8233", fromWebUi.header("Access-Control-Allow-Origin"));
  }

  private HttpRequest preflight(String origin) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + APP.getLocalPort() + "/codec/decode"))
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", origin)
        .header("Access-Control-Request-Method", "POST")
        .header("Access-Control-Request-Headers", "authorization,content-type,x-namespace").build();
  }

  private UUID completedBatch() throws Exception {
    byte[] xlsx = CallFixtures.workbook(List.of(List.of("Nombre", "Teléfono"),
        List.of("Ana Pérez", "300 123 4560"), List.of("Luis Gómez", "300 123 4561")));
    Reply created = api.upload("/api/v1/batches", admin.accessToken(), "file", "cifrado.xlsx", xlsx,
        Map.of("settings", SETTINGS));
    assertEquals(201, created.status(), String.valueOf(created.body()));
    String id = created.body().get("id").asText();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    while (!"completed".equals(api.get("/api/v1/batches/" + id, admin.accessToken()).body().at("/batch/status").asText())) {
      assertTrue(Instant.now().isBefore(deadline), "the batch completes");
      Thread.sleep(200);
    }
    return UUID.fromString(id);
  }

  private static Reply decode(Session who, List<Payload> payloads, Map<String, String> headers) {
    List<Map<String, Object>> wire = payloads.stream().map(payload -> {
      Map<String, String> metadata = new TreeMap<>();
      payload.getMetadataMap().forEach((k, v) -> metadata.put(k, Base64.getEncoder().encodeToString(v.toByteArray())));
      return Map.<String, Object>of("metadata", metadata,
          "data", Base64.getEncoder().encodeToString(payload.getData().toByteArray()));
    }).toList();
    return api.send("POST", "/codec/decode", who.accessToken(), Map.of("payloads", wire), headers);
  }

  private static String texts(JsonNode decoded) {
    StringBuilder all = new StringBuilder();
    decoded.get("payloads").forEach(p -> all.append(text(p.at("/data").asText())).append('\n'));
    return all.toString();
  }

  /** The SDK's own bookkeeping in markers (activity id and type, time, change id), written with its standard converter. */
  static final java.util.Set<String> SDK_MARKER_KEYS =
      java.util.Set.of("activityId", "type", "time", "meta", "changeId", "version", "versionSearchAttributeUpdated");

  /** Every payload in a history, search attributes (ids indexed in clear by design) and SDK bookkeeping aside. */
  private static void collect(Message message, List<Payload> found) {
    if (message instanceof Payload payload) {
      found.add(payload);
      return;
    }
    if (message.getDescriptorForType().getOptions().getMapEntry()
        && SDK_MARKER_KEYS.contains(String.valueOf(message.getField(message.getDescriptorForType().findFieldByName("key"))))) {
      return;
    }
    message.getAllFields().forEach((field, value) -> {
      if (field.getJavaType() != FieldDescriptor.JavaType.MESSAGE || field.getName().equals("search_attributes")) {
        return;
      }
      if (value instanceof List<?> list) {
        list.forEach(item -> collect((Message) item, found));
      } else {
        collect((Message) value, found);
      }
    });
  }

  private static String b64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String text(String base64) {
    return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
  }
}
