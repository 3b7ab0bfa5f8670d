package dev.vocero.workers.dropfolders;

import static dev.vocero.workers.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vocero.api.dropfolders.DropFolderImport;
import dev.vocero.api.dropfolders.DropFolderImport.Outcome;
import dev.vocero.store.TestDatabase;
import dev.vocero.store.accounts.OrganizationDao;
import dev.vocero.workers.TestStack;
import dev.vocero.workers.VoceroApplication;
import dev.vocero.workers.Wav;
import dev.vocero.workers.config.Mode;
import dev.vocero.workers.config.VoceroConfiguration;
import dev.vocero.workflows.audio.AudioIds;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Drop folders on real files, real PostgreSQL and a real Temporal test server: two application instances (each API and
 * workers, as {@code dev}) poll the same folder, as two servers of one deployment would.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class DropFolderTest {
  static final TestDatabase DB = TestDatabase.fresh();
  static final UUID ORG = organization();
  static final Path FOLDER = TestStack.tempDir("drop-crm");
  static final Path BARE = TestStack.tempDir("drop-bare");
  static final String SETTINGS = """
      {"name":"Cartera CRM","callsPerSecond":5,"maxConcurrentCalls":2,"maxAttempts":1,"jurisdiction":"CUSTOM",
       "customWindows":["MON-SUN 00:00-23:59"],"defaultRegion":"CO","answerTimeoutSeconds":30}""";
  static final String CONFIG = config();
  static final DropwizardAppExtension<VoceroConfiguration> APP = TestStack.app(CONFIG, Mode.ALL, DB,
      TestStack::temporalTarget, () -> "http://127.0.0.1:9");
  static final DropwizardAppExtension<VoceroConfiguration> SECOND = TestStack.app(CONFIG, Mode.ALL, DB,
      TestStack::temporalTarget, () -> "http://127.0.0.1:9");
  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void givenAContactList_whenDropped_itShouldBecomeOneBatchWithTheFolderSettingsAndMoveToDone() throws IOException {
    Files.writeString(FOLDER.resolve("cartera.csv"), contacts(3, 100));

    eventually(() -> Files.exists(FOLDER.resolve("done/cartera.csv")) ? true : null, "cartera.csv moved to done/");
    assertFalse(Files.exists(FOLDER.resolve("cartera.csv")));
    Map<String, Object> batch = DB.jdbi().withHandle(h -> h.createQuery("select id, name, contacts_count,"
        + " settings->>'callsPerSecond' as cps, created_by from call_batches where org_id = :o"
        + " and source_filename = 'cartera.csv'").bind("o", ORG).mapToMap().one());
    assertEquals("Cartera CRM", batch.get("name"), "the folder's settings.json named the batch");
    assertEquals(3, batch.get("contacts_count"));
    assertEquals(5.0, Double.parseDouble((String) batch.get("cps")));
    assertNull(batch.get("created_by"), "no user created it");
    Map<String, Object> audit = DB.jdbi().withHandle(h -> h.createQuery("select actor_type, actor_id, actor_label,"
        + " status from audit_log where org_id = :o and action = 'batches.create' and object_id = :id")
        .bind("o", ORG).bind("id", batch.get("id").toString()).mapToMap().one());
    assertEquals("system", audit.get("actor_type"));
    assertEquals("drop folder crm", audit.get("actor_label"));
    assertEquals(201, audit.get("status"));
  }

  @Test
  void givenABrokenListOrNoSettings_whenDropped_itShouldMoveItToErrorWithTheApisErrorBody() throws IOException {
    Files.writeString(FOLDER.resolve("sin-telefono.csv"), "nombre;monto\nAna;100\n");
    Files.writeString(BARE.resolve("lista.csv"), contacts(2, 200));

    JsonNode noPhone = errorReport(FOLDER, "sin-telefono.csv");
    assertEquals("no_phone_column", noPhone.get("code").asText(), noPhone.toString());
    assertTrue(noPhone.get("message").asText().length() > 10);
    assertTrue(noPhone.get("details").isArray());
    JsonNode noSettings = errorReport(BARE, "lista.csv");
    assertEquals("missing_settings", noSettings.get("code").asText(), noSettings.toString());
    assertEquals("settings.json", noSettings.at("/details/0/field").asText());
    assertEquals(0, count("select count(*) from call_batches where source_filename in ('sin-telefono.csv', 'lista.csv')"));
    assertFalse(Files.exists(FOLDER.resolve("done/sin-telefono.csv")));
  }

  @Test
  void givenAnAudio_whenDropped_itShouldStartItsProcessing() throws IOException {
    Files.write(FOLDER.resolve("llamada.wav"), Wav.tone(1.0, 440));

    eventually(() -> Files.exists(FOLDER.resolve("done/llamada.wav")) ? true : null, "llamada.wav moved to done/");
    Map<String, Object> audio = DB.jdbi().withHandle(h -> h.createQuery("select id, status, content_type from audios"
        + " where org_id = :o and original_filename = 'llamada.wav'").bind("o", ORG).mapToMap().one());
    assertEquals("audio/wav", audio.get("content_type"));
    assertTrue(List.of("queued", "transcribing", "analyzing", "failed").contains(audio.get("status")),
        String.valueOf(audio.get("status")));
    WorkflowServiceStubs stubs = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder()
        .setTarget(TestStack.temporalTarget()).build());
    try {
      String runId = TestStack.client(stubs).newUntypedWorkflowStub(AudioIds.workflowId((UUID) audio.get("id")))
          .describe().getExecution().getRunId();
      assertFalse(runId.isEmpty(), "its processing workflow was started");
    } finally {
      stubs.shutdown();
    }
    assertEquals(1, count("select count(*) from audit_log where actor_type = 'system' and action = 'audios.create'"
        + " and object_id = '" + audio.get("id") + "'"));
  }

  @Test
  void givenTwoProcessesPollingOneFolder_whenFilesAreDropped_itShouldImportEachOnce() throws IOException {
    List<String> names = new ArrayList<>();
    for (int round = 0; round < 3; round++) {
      for (int i = 0; i < 4; i++) {
        String name = "ronda-" + round + "-" + i + ".csv";
        names.add(name);
        Files.writeString(FOLDER.resolve(name), contacts(2, 300 + i * 10));
      }
      int upTo = names.size();
      eventually(() -> names.subList(0, upTo).stream().allMatch(n -> Files.exists(FOLDER.resolve("done/" + n))) ? true
          : null, "round " + round + " moved to done/");
    }
    for (String name : names) {
      assertEquals(1, count("select count(*) from call_batches where source_filename = '" + name + "'"), name);
      assertEquals(1, count("select count(*) from drop_folder_claims where file_name = '" + name + "'"), name);
    }
    assertEquals(names.size(), count("select count(*) from audit_log where actor_label = 'drop folder crm'"
        + " and action = 'batches.create' and object_id in (select id::text from call_batches"
        + " where source_filename like 'ronda-%')"));
  }

  @Test
  void givenTwoImportersRacingForOneFile_itShouldBeImportedByExactlyOne() throws Exception {
    DropFolderImport first = ((VoceroApplication) APP.getApplication()).dropFolders().importer();
    DropFolderImport second = ((VoceroApplication) SECOND.getApplication()).dropFolders().importer();
    Path unpolled = TestStack.tempDir("drop-race");
    Files.writeString(unpolled.resolve("settings.json"), SETTINGS);
    DropFolderImport.Folder folder = new DropFolderImport.Folder("race", unpolled, ORG, null);
    for (int run = 0; run < 5; run++) {
      Path file = Files.writeString(unpolled.resolve("carrera-" + run + ".csv"), contacts(1, 400));
      CountDownLatch go = new CountDownLatch(1);
      CompletableFuture<Outcome> a = CompletableFuture.supplyAsync(() -> await(go, () -> first.process(folder, file)));
      CompletableFuture<Outcome> b = CompletableFuture.supplyAsync(() -> await(go, () -> second.process(folder, file)));
      go.countDown();
      List<Outcome> outcomes = new ArrayList<>(List.of(a.get(), b.get()));
      outcomes.sort(null);
      assertEquals(List.of(Outcome.IMPORTED, Outcome.TAKEN), outcomes, "run " + run);
      assertEquals(1, count("select count(*) from call_batches where source_filename = 'carrera-" + run + ".csv'"));
      assertTrue(Files.exists(unpolled.resolve("done/carrera-" + run + ".csv")));
    }
  }

  @Test
  void givenInvalidSettingsOrANameAlreadyDone_itShouldReportTheSettingsAndKeepBothFiles() throws IOException {
    DropFolderImport importer = ((VoceroApplication) APP.getApplication()).dropFolders().importer();
    Path unpolled = TestStack.tempDir("drop-direct");
    DropFolderImport.Folder folder = new DropFolderImport.Folder("direct", unpolled, ORG, null);
    Files.writeString(unpolled.resolve("settings.json"), "{\"callsPerSecond\": \"fast\"}");
    Path list = Files.writeString(unpolled.resolve("semanal.csv"), contacts(1, 500));
    assertEquals(Outcome.REFUSED, importer.process(folder, list));
    JsonNode report = JSON.readTree(unpolled.resolve("error/semanal.csv.error.json").toFile());
    assertEquals("invalid_settings", report.get("code").asText(), report.toString());
    assertEquals("callsPerSecond", report.at("/details/0/field").asText(), report.toString());

    Files.writeString(unpolled.resolve("settings.json"), SETTINGS);
    for (int week = 0; week < 2; week++) {
      Path again = Files.writeString(unpolled.resolve("semanal.csv"), contacts(1, 510 + week * 10));
      assertEquals(Outcome.IMPORTED, importer.process(folder, again), "week " + week);
    }
    assertEquals(2, count("select count(*) from call_batches where source_filename = 'semanal.csv'"));
    try (var done = Files.list(unpolled.resolve("done"))) {
      assertEquals(2, done.filter(f -> f.getFileName().toString().endsWith("semanal.csv")).count(),
          "the second file with the same name is kept beside the first");
    }
  }

  private static Outcome await(CountDownLatch go, java.util.function.Supplier<Outcome> work) {
    try {
      go.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return work.get();
  }

  private static JsonNode errorReport(Path folder, String name) throws IOException {
    Path report = folder.resolve("error/" + name + ".error.json");
    eventually(() -> Files.exists(report) && Files.exists(folder.resolve("error/" + name)) ? true : null,
        name + " moved to error/ with its report");
    return JSON.readTree(report.toFile());
  }

  /** A CSV of {@code n} contacts whose numbers end in 0 (the sandbox answers them). */
  private static String contacts(int n, int from) {
    StringBuilder csv = new StringBuilder("Nombre,Celular\n");
    for (int i = 0; i < n; i++) {
      csv.append("Cliente ").append(from + i).append(",300555").append(String.format("%03d", from + i)).append("0\n");
    }
    return csv.toString();
  }

  private static int count(String sql) {
    return DB.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
  }

  private static UUID organization() {
    UUID org = UUID.randomUUID();
    DB.jdbi().useExtension(OrganizationDao.class, dao -> dao.insert(org, "Cobranzas CRM"));
    return org;
  }

  /** test-vocero.yml plus two drop folders of the organization: one with settings.json, one without. */
  private static String config() {
    try {
      Files.writeString(FOLDER.resolve("settings.json"), SETTINGS);
      String base = Files.readString(Path.of(ResourceHelpers.resourceFilePath("test-vocero.yml")));
      String folders = """

          dropFolders:
            - organization: %s
              path: %s
              name: crm
              pollInterval: 200ms
            - organization: %s
              path: %s
              name: bare
              pollInterval: 200ms
          """.formatted(ORG, FOLDER, ORG, BARE);
      Path config = TestStack.tempDir("drop-config").resolve("vocero.yml");
      Files.writeString(config, base + folders, StandardCharsets.UTF_8);
      return config.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
