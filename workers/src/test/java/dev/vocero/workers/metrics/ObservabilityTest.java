package dev.vocero.workers.metrics;

import static dev.vocero.workers.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.vocero.store.TestDatabase;
import dev.vocero.workers.ApiClient;
import dev.vocero.workers.ApiClient.Reply;
import dev.vocero.workers.ApiClient.Session;
import dev.vocero.workers.CallFixtures;
import dev.vocero.workers.SpeechStub;
import dev.vocero.workers.TestStack;
import dev.vocero.workers.Wav;
import dev.vocero.workers.config.VoceroConfiguration;
import dev.vocero.workflows.audio.AudioIds;
import dev.vocero.workflows.calls.CallIds;
import dev.vocero.workflows.codec.EncryptionCodec;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionResponse;
import io.temporal.api.workflowservice.v1.ListNamespacesRequest;
import io.temporal.api.workflowservice.v1.ListWorkflowExecutionsRequest;
import io.temporal.api.operatorservice.v1.ListSearchAttributesRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * What an operator sees of Vocero from outside: Temporal's own client describes a workflow by its summary and memo,
 * and the admin port's {@code /metrics} carries Dropwizard's, the Temporal SDK's and Vocero's series after real work.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ObservabilityTest {
  static final TestDatabase DB = TestDatabase.fresh();
  static final WireMockServer SPEECH = new WireMockServer(wireMockConfig().dynamicPort());
  static final DropwizardAppExtension<VoceroConfiguration> APP =
      TestStack.app(DB, TestStack::temporalTarget, () -> SpeechStub.startedBaseUrl(SPEECH));
  static final String ORGANISATION = "Cobranzas Observadas";
  static final String SETTINGS = """
      {"name":"Cobranza diciembre","callsPerSecond":20,"maxConcurrentCalls":3,"maxAttempts":1,
       "jurisdiction":"CUSTOM","customWindows":["MON-SUN 00:00-23:59"],"defaultRegion":"CO","answerTimeoutSeconds":10}""";
  static final List<List<String>> SHEET = List.of(
      List.of("Nombre", "Teléfono"),
      List.of("Ana Pérez", "300 123 4560"),
      List.of("Luis Gómez", "300 123 4561"));

  static ApiClient api;
  static Session operator;
  static WorkflowServiceStubs temporal;
  static String batchId;
  static String audioId;

  @BeforeAll
  static void runABatchAndARecording() throws IOException {
    api = new ApiClient(APP.getLocalPort());
    operator = api.registerAndLogin(ORGANISATION);
    temporal = WorkflowServiceStubs.newServiceStubs(
        WorkflowServiceStubsOptions.newBuilder().setTarget(TestStack.temporalTarget()).build());

    Reply created = api.upload("/api/v1/batches", operator.accessToken(), "file", "deudores.xlsx",
        CallFixtures.workbook(SHEET), Map.of("settings", SETTINGS));
    assertEquals(201, created.status(), String.valueOf(created.body()));
    batchId = created.body().get("id").asText();

    SpeechStub.answersSpanishCall(SPEECH);
    Reply accepted = api.upload("/api/v1/audios", operator.accessToken(), "file", "llamada.wav", Wav.tone(1.0, 440),
        Map.of("language", "es", "title", "Llamada cobranza 42"));
    assertEquals(202, accepted.status(), String.valueOf(accepted.body()));
    audioId = accepted.body().get("id").asText();

    eventually(() -> "completed".equals(api.get("/api/v1/batches/" + batchId, operator.accessToken()).body()
        .at("/batch/status").asText()) ? true : null, "batch " + batchId + " completed");
    api.awaitCompletedAudio(audioId, operator.accessToken(), Duration.ofSeconds(90));
  }

  @AfterAll
  static void stop() {
    temporal.shutdown();
    SPEECH.stop();
  }

  @Test
  void givenAStartedBatch_whenDescribedWithTemporalsClient_itShouldShowItsSummaryAndMemo() {
    DescribeWorkflowExecutionResponse batch = describe(CallIds.batchWorkflowId(UUID.fromString(batchId)));
    Map<String, String> memo = memo(batch);
    assertEquals(ORGANISATION, memo.get("organisation"), memo.toString());
    assertEquals("Cobranza diciembre", memo.get("batch"), memo.toString());
    assertEquals("batch", memo.get("kind"), memo.toString());
  }

  @Test
  void givenABatchsContactCall_whenDescribed_itShouldNameTheBatchAndNeverTheContact() {
    long contactId = DB.jdbi().withHandle(h -> h.createQuery("select min(id) from contacts where batch_id = :b")
        .bind("b", UUID.fromString(batchId)).mapTo(Long.class).one());
    DescribeWorkflowExecutionResponse call = describe(CallIds.contactWorkflowId(UUID.fromString(batchId), contactId));
    String summary = summary(call);
    assertEquals("Call to contact #" + contactId + " of batch «Cobranza diciembre» · " + ORGANISATION, summary);
    Map<String, String> memo = memo(call);
    assertEquals(Map.of("kind", "call", "organisation", ORGANISATION, "batch", "Cobranza diciembre"), memo);
    String shown = summary + memo;
    assertFalse(shown.contains("Ana") || shown.contains("Luis") || shown.contains("4560") || shown.contains("4561"),
        "no contact name or phone: " + shown);
  }

  @Test
  void givenAnUploadedRecording_whenDescribed_itShouldShowTheRecordingsTitle() {
    DescribeWorkflowExecutionResponse audio = describe(AudioIds.workflowId(UUID.fromString(audioId)));
    assertEquals("Processing of recording «Llamada cobranza 42» · " + ORGANISATION, summary(audio));
    assertEquals(Map.of("kind", "audio", "organisation", ORGANISATION, "recording", "Llamada cobranza 42"), memo(audio));
  }

  @Test
  void givenWorkDone_whenMetricsAreScraped_itShouldCarryDropwizardTemporalAndVoceroSeries() {
    String metrics = eventually(() -> {
      String text = scrape();
      // the SDK reports every few seconds, series by series: wait for each one asserted below, not for the first
      return text.contains("temporal_request_total") && text.contains("temporal_request_latency_seconds_bucket")
          && text.contains("temporal_workflow_endtoend_latency_seconds_count")
          && text.contains("vocero_audio_step_seconds_count") ? text : null;
    }, "the SDK's and vocero_audio_step series on /metrics");
    keep(metrics);

    assertTrue(value(metrics, "io_dropwizard_db_ManagedPooledDataSource_postgresql_size", "") > 0,
        "Dropwizard's connection pool gauge");
    assertTrue(value(metrics, "io_dropwizard_jetty_MutableServletContextHandler_requests_seconds_count", "") > 0,
        "Dropwizard's Jetty request timer, as a summary");
    assertTrue(value(metrics, "temporal_workflow_endtoend_latency_seconds_count", "workflow_type=\"ContactCall\"") >= 2,
        "the SDK timed the two contact calls");
    assertTrue(value(metrics, "temporal_request_total", "") > 0, "the SDK's client requests");
    assertTrue(value(metrics, "temporal_request_latency_seconds_bucket", "le=\"0.05\"") >= 0, "Vocero's nine buckets");
    assertFalse(metrics.contains("le=\"0.001\""), "not Micrometer's 69 default buckets");

    for (String state : OperationsGauges.BATCH_STATES) {
      assertEquals(0, value(metrics, "vocero_calls_in_progress", "batch_state=\"" + state + "\""),
          "every call ended: " + state);
    }
    for (String state : OperationsGauges.MESSAGE_STATES) {
      assertTrue(value(metrics, "vocero_messages", "state=\"" + state + "\"") >= 0, state);
    }
    assertEquals(0, value(metrics, "vocero_webhook_relay_backlog", ""), "the relay has nothing left");
    assertEquals(0, value(metrics, "vocero_webhook_relay_oldest_seconds", ""));
    assertEquals(0, value(metrics, "vocero_credits_held", ""), "nothing held once the calls ended");
    assertTrue(value(metrics, "vocero_webhook_intake_total", "channel=\"twilio_voice\",status=\"2xx\"") >= 2,
        "the sandbox's signed status callbacks were counted");
    assertTrue(value(metrics, "vocero_audio_step_seconds_count", "outcome=\"ok\",step=\"AudioTranscribe\"") >= 1,
        "the transcription step was timed");
    assertTrue(value(metrics, "vocero_audio_step_seconds_sum", "outcome=\"ok\",step=\"AudioTranscribe\"") > 0);

    assertFalse(metrics.contains(ORGANISATION), "no organisation name as a label");
    assertFalse(Pattern.compile("\\+57\\d{6,}|300123456\\d").matcher(metrics).find(), "no phone number");
  }

  @Test
  void givenTheDropwizardJsonView_itShouldMoveToMetricsJson() {
    Reply json = new ApiClient(APP.getAdminPort()).get("/metrics.json", null);
    assertEquals(200, json.status());
    assertTrue(json.body().get("gauges").has("io.dropwizard.db.ManagedPooledDataSource.postgresql.size"),
        "Dropwizard's JSON view is still served: " + json.body().get("gauges"));
  }

  @Test
  void givenTheEmbeddedTemporal_itShouldRefuseTheWebUisListCallsAsTheDocsSay() {
    String namespace = APP.getConfiguration().getTemporal().getNamespace();
    List<Runnable> listCalls = List.of(
        () -> temporal.blockingStub().listWorkflowExecutions(
            ListWorkflowExecutionsRequest.newBuilder().setNamespace(namespace).build()),
        () -> temporal.blockingStub().listNamespaces(ListNamespacesRequest.newBuilder().build()),
        () -> OperatorServiceStubs.newServiceStubs(OperatorServiceStubsOptions.newBuilder()
                .setChannel(temporal.getRawChannel()).validateAndBuildWithDefaults())
            .blockingStub().listSearchAttributes(ListSearchAttributesRequest.newBuilder().setNamespace(namespace).build()));
    for (Runnable call : listCalls) {
      StatusRuntimeException refused = assertThrows(StatusRuntimeException.class, call::run);
      assertEquals(Status.Code.UNIMPLEMENTED, refused.getStatus().getCode(),
          "docs/observability.md says the Web UI's list does not work against the embedded Temporal");
    }
  }

  /** The scrape as test output, to read what a Prometheus would get. */
  private static void keep(String metrics) {
    try {
      Files.writeString(Files.createDirectories(Path.of("target", "test-data")).resolve("metrics-scrape.txt"), metrics);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String scrape() {
    Reply reply = new ApiClient(APP.getAdminPort()).get("/metrics", null);
    assertEquals(200, reply.status());
    assertTrue(reply.header("Content-Type").startsWith("text/plain"), reply.header("Content-Type"));
    return new String(reply.raw().body(), StandardCharsets.UTF_8);
  }

  /** The value of the one sample of {@code name} whose labels contain {@code labels}, or the first one without. */
  private static double value(String metrics, String name, String labels) {
    Matcher sample = Pattern.compile("(?m)^" + name + "(\\{[^}]*\\})? (\\S+)$").matcher(metrics);
    while (sample.find()) {
      String found = sample.group(1) == null ? "" : sample.group(1);
      if (labels.isEmpty() || found.contains(labels)) {
        return Double.parseDouble(sample.group(2));
      }
    }
    throw new AssertionError("no sample " + name + "{" + labels + "} in /metrics");
  }

  private static DescribeWorkflowExecutionResponse describe(String workflowId) {
    return temporal.blockingStub().describeWorkflowExecution(DescribeWorkflowExecutionRequest.newBuilder()
        .setNamespace(APP.getConfiguration().getTemporal().getNamespace())
        .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId))
        .build());
  }

  private static String summary(DescribeWorkflowExecutionResponse described) {
    return decode(described.getExecutionConfig().getUserMetadata().getSummary());
  }

  private static Map<String, String> memo(DescribeWorkflowExecutionResponse described) {
    Map<String, String> memo = new HashMap<>();
    described.getWorkflowExecutionInfo().getMemo().getFieldsMap().forEach((key, value) -> memo.put(key, decode(value)));
    return memo;
  }

  /** Temporal stores only ciphertext; the operator reads it through the codec, as the Web UI would. */
  private static String decode(Payload payload) {
    assertTrue(EncryptionCodec.isEncrypted(payload), "a summary or memo reached Temporal unencrypted");
    Payload plain = TestStack.codec().decode(List.of(payload)).get(0);
    return DefaultDataConverter.STANDARD_INSTANCE.fromPayload(plain, String.class, String.class);
  }
}
