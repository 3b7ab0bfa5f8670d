package dev.vocero.workers.outage;

import static dev.vocero.workers.outage.ProviderThrottleDrillTest.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vocero.activities.messaging.Messaging;
import dev.vocero.activities.messaging.TwilioMessaging;
import dev.vocero.activities.telephony.Telephony;
import dev.vocero.activities.telephony.TwilioTelephony;
import dev.vocero.store.TestDatabase;
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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Drill: Temporal unreachable (every connection to it cut) in the middle of a call batch. Meanwhile an upload answers
 * 503 and stores nothing, and Twilio's status callbacks are stored and answered; once Temporal is back the event
 * relay hands them to their workflows and the batch finishes, every contact called once.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class TemporalOutageDrillTest {
  static final int CONTACTS = 6;
  static final Duration OUTAGE = Duration.ofSeconds(15);
  static final TestDatabase DB = TestDatabase.fresh();
  static final TwilioFake TWILIO = new TwilioFake();
  static final TcpProxy TEMPORAL = proxyToTemporal();
  static final DropwizardAppExtension<VoceroConfiguration> APP = TestStack.app(App.class,
      ResourceHelpers.resourceFilePath("test-vocero.yml"), Mode.ALL, DB, () -> "localhost:" + TEMPORAL.port(),
      () -> "http://127.0.0.1:9", TestStack.serverSecrets("twilio", TwilioFake.TOKEN,
          ConfigOverride.config("telephony.twilio.fromNumber", TwilioFake.FROM),
          ConfigOverride.config("temporal.rpcTimeoutSeconds", "5")));
  // a long answer timeout: the outcome must come from the relayed callback, not from polling Twilio afterwards
  static final String SETTINGS = """
      {"name":"Cobranza sin Temporal","callsPerSecond":2,"maxConcurrentCalls":3,"maxAttempts":1,
       "jurisdiction":"CUSTOM","customWindows":["MON-SUN 00:00-23:59"],"defaultRegion":"CO","answerTimeoutSeconds":300}""";

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

  private static TcpProxy proxyToTemporal() {
    String target = TestStack.temporalTarget();
    try {
      return new TcpProxy(Integer.parseInt(target.substring(target.lastIndexOf(':') + 1)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterAll
  static void stop() {
    TWILIO.close();
    TEMPORAL.close();
  }

  @Test
  void givenTemporalUnreachableMidBatch_whenCallbacksArrive_theyShouldBeStoredAndRelayedAndNothingLost()
      throws Exception {
    ApiClient api = new ApiClient(APP.getLocalPort());
    Session admin = api.registerAndLogin("Cobros sin Temporal");
    List<String> phones = new ArrayList<>();
    List<List<String>> sheet = new ArrayList<>(List.of(List.of("Nombre", "Teléfono")));
    for (int i = 0; i < CONTACTS; i++) {
      phones.add("+57300555300" + i);
      sheet.add(List.of("Cliente " + i, "300 555 300" + i));
    }
    byte[] xlsx = CallFixtures.workbook(sheet);
    TWILIO.holdCallbacks(); // the calls placed before the cut end during it: their callbacks meet it
    Reply created = api.upload("/api/v1/batches", admin.accessToken(), "file", "sin-temporal.xlsx", xlsx,
        Map.of("settings", SETTINGS));
    assertEquals(201, created.status(), String.valueOf(created.body()));
    String batchId = created.body().get("id").asText();
    await(() -> TWILIO.calls().size() >= 1, Duration.ofSeconds(60), "a call was placed");

    TEMPORAL.cut();
    int deliveredBefore = TWILIO.callbacksDelivered();
    TWILIO.releaseCallbacks();
    Reply upload = api.upload("/api/v1/batches", admin.accessToken(), "file", "otra.xlsx", xlsx,
        Map.of("settings", SETTINGS));
    await(() -> TWILIO.callbacksPending() == 0 && pending() > 0, OUTAGE, "a callback was stored while Temporal was away");
    Thread.sleep(Math.max(0, OUTAGE.toMillis() - 5_000));
    int deliveredDuring = TWILIO.callbacksDelivered() - deliveredBefore;
    int pendingDuring = pending();
    long batches = api.get("/api/v1/batches", admin.accessToken()).body().get("total").asLong();
    TEMPORAL.restore();

    await(() -> "completed".equals(api.get("/api/v1/batches/" + batchId, admin.accessToken()).body()
        .at("/batch/status").asText()), Duration.ofSeconds(240), "the batch completed after Temporal came back");
    Count calls = Count.of(phones, TWILIO.calls());
    long answered = DB.jdbi().withHandle(h -> h.createQuery("select count(*) from contacts where batch_id ="
        + " cast(:b as uuid) and final_disposition = 'answered_human'").bind("b", batchId).mapTo(Long.class).one());
    System.out.printf("Temporal outage drill: %d contacts, Temporal cut for %d s; upload meanwhile %d %s;"
            + " callbacks answered meanwhile %d (%d waiting for the relay); calls placed %d (lost %d, duplicated %d),"
            + " outcomes stored %d, events still pending %d%n", CONTACTS, OUTAGE.toSeconds(), upload.status(),
        upload.code(), deliveredDuring, pendingDuring, calls.created(), calls.lost(), calls.duplicated(), answered,
        pending());

    assertEquals(503, upload.status(), String.valueOf(upload.body()));
    assertEquals("temporal_unavailable", upload.code());
    assertEquals(1, batches, "the refused upload stored no batch");
    assertTrue(deliveredDuring > 0 && pendingDuring > 0, "callbacks were stored and answered while Temporal was away");
    assertEquals(0, TWILIO.callbacksRefused(), "no callback had to be sent again");
    assertEquals(0, calls.lost() + calls.duplicated(), "calls lost/duplicated: " + calls);
    assertEquals(CONTACTS, answered, "every outcome stored, from the callbacks");
    assertEquals(0, pending(), "the relay delivered every stored callback");
    assertTrue(TWILIO.callbackProblems().isEmpty(), TWILIO.callbackProblems().toString());
  }

  private static int pending() {
    return DB.jdbi().withHandle(h -> h.createQuery("select count(*) from provider_events where state = 'pending'")
        .mapTo(Integer.class).one());
  }
}
