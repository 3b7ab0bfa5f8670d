package dev.vocero.workers.outage;

import static dev.vocero.workers.outage.ProviderThrottleDrillTest.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vocero.activities.messaging.Messaging;
import dev.vocero.activities.messaging.TwilioMessaging;
import dev.vocero.activities.telephony.Telephony;
import dev.vocero.activities.telephony.TwilioTelephony;
import dev.vocero.workers.ApiClient;
import dev.vocero.workers.ApiClient.Reply;
import dev.vocero.workers.ApiClient.Session;
import dev.vocero.workers.CallFixtures;
import dev.vocero.workers.TestStack;
import dev.vocero.workers.VoceroApplication;
import dev.vocero.workers.config.Mode;
import dev.vocero.workers.config.VoceroConfiguration;
import dev.vocero.workers.outage.ProviderThrottleDrillTest.Count;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Drill: PostgreSQL stopped for 30 s in the middle of a call batch (Twilio fake, signed status callbacks) and started
 * again on the same data directory and port. Meanwhile the API answers 503 with Retry-After and the callbacks Twilio
 * sends are refused with 503, so Twilio sends them again; afterwards the batch finishes with every contact called
 * once and every outcome stored.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class PostgresBatchOutageDrillTest {
  static final int CONTACTS = 12;
  static final Duration OUTAGE = Duration.ofSeconds(30);
  static final Path DATA = TestStack.tempDir("drill-pg").resolve("data");
  static final int PORT = TestStack.freePort();
  static EmbeddedPostgres postgres = startPostgres();
  static final TwilioFake TWILIO = new TwilioFake();
  static final DropwizardAppExtension<VoceroConfiguration> APP = TestStack.app(App.class,
      ResourceHelpers.resourceFilePath("test-vocero.yml"), Mode.ALL, null, TestStack::temporalTarget,
      () -> "http://127.0.0.1:9", TestStack.serverSecrets("twilio", TwilioFake.TOKEN,
          ConfigOverride.config("telephony.twilio.fromNumber", TwilioFake.FROM),
          ConfigOverride.config("temporal.rpcTimeoutSeconds", "20"),
          ConfigOverride.config("database.url", "jdbc:postgresql://localhost:" + PORT + "/postgres"),
          ConfigOverride.config("database.checkConnectionOnBorrow", "true")));
  static final String SETTINGS = """
      {"name":"Cobranza sin base","callsPerSecond":2,"maxConcurrentCalls":2,"maxAttempts":1,
       "jurisdiction":"CUSTOM","customWindows":["MON-SUN 00:00-23:59"],"defaultRegion":"CO","answerTimeoutSeconds":10}""";

  /** The application with twilio-java routed to the fake. */
  public static class App extends VoceroApplication {
    @Override
    protected Telephony telephony(VoceroConfiguration config) {
      return new TwilioTelephony(config.getTelephony().getTwilio(), TWILIO.client());
    }

    @Override
    protected Messaging messaging(VoceroConfiguration config) {
      return new TwilioMessaging(TWILIO.client());
    }
  }

  private static EmbeddedPostgres startPostgres() {
    try {
      return EmbeddedPostgres.builder().setDataDirectory(DATA).setCleanDataDirectory(false).setPort(PORT)
          .setOverrideWorkingDirectory(TestStack.tempDir("drill-pg-runtime").toFile()).start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterAll
  static void stop() throws IOException {
    TWILIO.close();
    postgres.close();
  }

  @Test
  void givenPostgresStoppedMidBatch_whenItComesBack_everyContactShouldBeCalledOnceAndEveryOutcomeStored()
      throws Exception {
    ApiClient api = new ApiClient(APP.getLocalPort());
    Session admin = api.registerAndLogin("Cobros sin Base");
    List<String> phones = new ArrayList<>();
    List<List<String>> sheet = new ArrayList<>(List.of(List.of("Nombre", "Teléfono")));
    for (int i = 0; i < CONTACTS; i++) {
      phones.add("+573005552" + String.format("%03d", i));
      sheet.add(List.of("Cliente " + i, "300 555 2" + String.format("%03d", i)));
    }
    TWILIO.holdCallbacks(); // the calls placed before the outage end during it: their callbacks meet it
    Reply created = api.upload("/api/v1/batches", admin.accessToken(), "file", "sin-base.xlsx",
        CallFixtures.workbook(sheet), Map.of("settings", SETTINGS));
    assertEquals(201, created.status(), String.valueOf(created.body()));
    String batchId = created.body().get("id").asText();
    await(() -> TWILIO.calls().size() >= 3, Duration.ofSeconds(60), "three calls were placed");

    postgres.close();
    Instant down = Instant.now();
    int placedBefore = TWILIO.calls().size();
    TWILIO.releaseCallbacks();
    Outage seen = whileDown(api, admin, batchId, down.plus(OUTAGE));
    postgres = startPostgres();
    int placedDuring = TWILIO.calls().size() - placedBefore;

    await(() -> "completed".equals(api.get("/api/v1/batches/" + batchId, admin.accessToken()).body()
        .at("/batch/status").asText()), Duration.ofSeconds(240), "the batch completed after the outage");
    await(() -> TWILIO.callbacksPending() == 0, Duration.ofSeconds(30), "Twilio delivered every callback");

    Count calls = Count.of(phones, TWILIO.calls());
    JsonNode detail = api.get("/api/v1/batches/" + batchId, admin.accessToken()).body();
    long outcomes = 0;
    for (JsonNode call : api.get("/api/v1/batches/" + batchId + "/calls?pageSize=50", admin.accessToken()).body()
        .get("items")) {
      outcomes += "answered_human".equals(call.get("finalDisposition").asText()) ? 1 : 0;
    }
    System.out.printf("PostgreSQL outage drill: %d contacts, PostgreSQL down %d s after %d calls (%d placed meanwhile);"
            + " calls placed %d (lost %d, duplicated %d), outcomes stored %d; API answers while down: %d x 503 with"
            + " Retry-After, %d x 500; Twilio callbacks refused with 503 %d times, delivered %d%n", CONTACTS,
        OUTAGE.toSeconds(), placedBefore, placedDuring, calls.created(), calls.lost(), calls.duplicated(), outcomes,
        seen.unavailable, seen.serverErrors, TWILIO.callbacksRefused(), TWILIO.callbacksDelivered());

    assertEquals(0, seen.serverErrors, "never a 500 while PostgreSQL is down: " + seen.others);
    assertTrue(seen.unavailable > 0 && seen.others.isEmpty(), "every API answer was 503 + Retry-After: " + seen.others);
    assertTrue(TWILIO.callbacksRefused() > 0, "callbacks that could not be stored were refused with 503");
    assertEquals(0, calls.lost() + calls.duplicated(), "calls lost/duplicated: " + calls);
    assertEquals(CONTACTS, detail.at("/byStatus/done").asLong(), detail.toString());
    assertEquals(CONTACTS, outcomes, "every outcome stored");
    assertEquals(CONTACTS, TWILIO.callbacksDelivered(), "each call's callback was stored once Twilio retried");
    assertTrue(TWILIO.callbackProblems().isEmpty(), TWILIO.callbackProblems().toString());
  }

  /** What the API answered while PostgreSQL was down: asked about every second until {@code until}. */
  private static Outage whileDown(ApiClient api, Session admin, String batchId, Instant until)
      throws InterruptedException {
    Outage seen = new Outage();
    while (Instant.now().isBefore(until)) {
      for (String path : List.of("/api/v1/batches/" + batchId, "/api/v1/batches")) {
        Reply reply = api.get(path, admin.accessToken());
        if (reply.status() == 503 && "database_unavailable".equals(reply.code()) && reply.header("Retry-After") != null) {
          seen.unavailable++;
        } else {
          seen.serverErrors += reply.status() >= 500 && reply.status() != 503 ? 1 : 0;
          seen.others.add(path + " → " + reply.status() + " " + reply.body());
        }
      }
      Thread.sleep(1000);
    }
    return seen;
  }

  private static final class Outage {
    int unavailable;
    int serverErrors;
    final List<String> others = new ArrayList<>();
  }
}
