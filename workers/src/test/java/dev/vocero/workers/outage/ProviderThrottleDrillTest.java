package dev.vocero.workers.outage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
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
import dev.vocero.workers.outage.TwilioFake.Created;
import dev.vocero.workers.outage.TwilioFake.Refusal;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Drill: Twilio refuses every call and message create with 429 and 503 (Retry-After 5 s) for a minute of wall time
 * while a batch and an SMS wave run, and before that takes two creates but answers them 500. Dispatch waits as asked
 * and resumes; afterwards every contact was called once and messaged once, counted at the fake.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ProviderThrottleDrillTest {
  static final int CONTACTS = 8;
  static final int RETRY_AFTER_SECONDS = 5;
  static final Duration REFUSAL = Duration.ofSeconds(60);
  static final TestDatabase DB = TestDatabase.fresh();
  static final TwilioFake TWILIO = new TwilioFake();
  static final DropwizardAppExtension<VoceroConfiguration> APP = TestStack.app(App.class,
      ResourceHelpers.resourceFilePath("test-vocero.yml"), Mode.ALL, DB, TestStack::temporalTarget,
      () -> "http://127.0.0.1:9", TestStack.serverSecrets("twilio", TwilioFake.TOKEN,
          ConfigOverride.config("telephony.twilio.fromNumber", TwilioFake.FROM),
          ConfigOverride.config("temporal.rpcTimeoutSeconds", "20")));
  static final String SETTINGS = """
      {"name":"Cobranza con límite","callsPerSecond":5,"maxConcurrentCalls":3,"maxAttempts":1,
       "jurisdiction":"CUSTOM","customWindows":["MON-SUN 00:00-23:59"],"defaultRegion":"CO","answerTimeoutSeconds":10}""";

  /** The application with twilio-java routed to the fake (the SDK has no base-URL setting). */
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

  @AfterAll
  static void stop() {
    TWILIO.close();
  }

  @Test
  void givenTwilioRefusingCreatesForAMinute_whenABatchAndAWaveRun_itShouldWaitAsAskedAndPlaceEachOnce()
      throws Exception {
    ApiClient api = new ApiClient(APP.getLocalPort());
    Session admin = api.registerAndLogin("Cobros con Límite");
    List<String> phones = new ArrayList<>();
    List<List<String>> sheet = new ArrayList<>(List.of(List.of("Nombre", "Teléfono")));
    for (int i = 0; i < CONTACTS; i++) {
      phones.add("+57300555100" + i);
      sheet.add(List.of("Cliente " + i, "300 555 100" + i));
    }
    Instant start = Instant.now();
    TWILIO.failAfterTaking(2);
    Reply batch = api.upload("/api/v1/batches", admin.accessToken(), "file", "limite.xlsx",
        CallFixtures.workbook(sheet), Map.of("settings", SETTINGS));
    assertEquals(201, batch.status(), String.valueOf(batch.body()));
    String batchId = batch.body().get("id").asText();
    Reply wave = api.post("/api/v1/messages/waves", admin.accessToken(), Map.of("name", "Aviso", "channel", "sms",
        "body", "Hola {{name}}, le llamamos hoy.", "batchId", batchId, "perMinute", 600));
    assertEquals(201, wave.status(), String.valueOf(wave.body()));
    String waveId = wave.body().get("id").asText();
    await(() -> TWILIO.takenButFailed() == 2, Duration.ofSeconds(90), "Twilio took two creates and answered 500");
    TWILIO.refuseCreates(REFUSAL, RETRY_AFTER_SECONDS);
    Instant refusing = Instant.now();

    await(() -> "completed".equals(api.get("/api/v1/batches/" + batchId, admin.accessToken()).body()
        .at("/batch/status").asText()), Duration.ofSeconds(240), "the batch completed");
    await(() -> "completed".equals(api.get("/api/v1/messages/waves/" + waveId, admin.accessToken()).body()
        .get("status").asText()), Duration.ofSeconds(60), "the wave completed");
    Duration took = Duration.between(start, Instant.now());

    List<Refusal> refusals = TWILIO.refusals();
    Count calls = Count.of(phones, TWILIO.calls());
    Count messages = Count.of(phones, TWILIO.messages());
    System.out.printf("Provider throttle drill: %d contacts; calls placed %d (lost %d, duplicated %d), messages sent %d"
            + " (lost %d, duplicated %d); %d creates refused with 429/503 (Retry-After %d s) for %d s, most for one"
            + " number %d; %d taken but answered 500, none created again; finished in %d s%n", CONTACTS,
        calls.created, calls.lost, calls.duplicated, messages.created, messages.lost, messages.duplicated,
        refusals.size(), RETRY_AFTER_SECONDS, REFUSAL.toSeconds(), mostForOneNumber(refusals), TWILIO.takenButFailed(),
        took.toSeconds());

    assertEquals(0, calls.lost + calls.duplicated, "calls lost/duplicated: " + calls);
    assertEquals(0, messages.lost + messages.duplicated, "messages lost/duplicated: " + messages);
    assertTrue(refusals.stream().anyMatch(r -> r.kind().equals("call"))
        && refusals.stream().anyMatch(r -> r.kind().equals("message")), "both calls and messages were refused");
    Instant resumed = refusing.plus(REFUSAL);
    assertTrue(TWILIO.calls().stream().anyMatch(c -> c.at().isAfter(resumed))
        && TWILIO.messages().stream().anyMatch(m -> m.at().isAfter(resumed)), "calls and messages resumed");
    assertWaitedAsAsked(refusals, TWILIO.calls(), TWILIO.messages());
    assertTrue(mostForOneNumber(refusals) <= REFUSAL.toSeconds() / RETRY_AFTER_SECONDS + 1,
        "no number was tried more often than Retry-After allows: " + mostForOneNumber(refusals));

    JsonNode detail = api.get("/api/v1/batches/" + batchId, admin.accessToken()).body();
    assertEquals(CONTACTS, detail.at("/byStatus/done").asLong(), detail.toString());
    for (JsonNode call : api.get("/api/v1/batches/" + batchId + "/calls?pageSize=50", admin.accessToken()).body()
        .get("items")) {
      assertEquals("answered_human", call.get("finalDisposition").asText(), "every outcome stored: " + call);
    }
    JsonNode done = api.get("/api/v1/messages/waves/" + waveId, admin.accessToken()).body();
    int handed = DB.jdbi().withHandle(h -> h.createQuery("select count(*) from messages"
        + " where wave_id = cast(:w as uuid) and provider_sid is not null and state <> 'failed'").bind("w", waveId)
        .mapTo(Integer.class).one());
    assertEquals(CONTACTS, handed, "every message handed to Twilio: " + done);
    assertTrue(TWILIO.callbackProblems().isEmpty(), TWILIO.callbackProblems().toString());
  }

  /** Per number and kind: each request after a refusal came no sooner than the Retry-After it carried. */
  private static void assertWaitedAsAsked(List<Refusal> refusals, List<Created> calls, List<Created> messages) {
    record Try(String key, Instant at, boolean refused) {}
    List<Try> tries = Stream.of(
        refusals.stream().map(r -> new Try(r.kind() + r.to(), r.at(), true)),
        calls.stream().map(c -> new Try("call" + c.to(), c.at(), false)),
        messages.stream().map(m -> new Try("message" + m.to(), m.at(), false)))
        .flatMap(s -> s).sorted(Comparator.comparing(Try::at)).toList();
    Map<String, List<Try>> byKey = tries.stream().collect(Collectors.groupingBy(Try::key));
    Duration least = Duration.ofSeconds(RETRY_AFTER_SECONDS).minusMillis(500);
    byKey.forEach((key, list) -> {
      for (int i = 1; i < list.size(); i++) {
        if (list.get(i - 1).refused()) {
          Duration gap = Duration.between(list.get(i - 1).at(), list.get(i).at());
          assertTrue(gap.compareTo(least) >= 0, key.replaceAll("\\d{4}$", "••••") + " was asked again after " + gap);
        }
      }
    });
  }

  private static long mostForOneNumber(List<Refusal> refusals) {
    return refusals.stream().collect(Collectors.groupingBy(r -> r.kind() + r.to(), Collectors.counting())).values()
        .stream().mapToLong(Long::longValue).max().orElse(0);
  }

  /** What the fake created for the expected numbers: how many, how many numbers got none, how many extra. */
  record Count(long created, long lost, long duplicated) {
    static Count of(List<String> expected, List<Created> created) {
      Map<String, Long> per = TwilioFake.perNumber(created);
      long lost = expected.stream().filter(p -> !per.containsKey(p)).count();
      long duplicated = per.values().stream().mapToLong(n -> n - 1).sum()
          + per.keySet().stream().filter(p -> !expected.contains(p)).count();
      return new Count(created.size(), lost, duplicated);
    }
  }

  static void await(java.util.function.BooleanSupplier done, Duration atMost, String what) throws InterruptedException {
    Instant deadline = Instant.now().plus(atMost);
    while (!done.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("timed out after " + atMost.toSeconds() + " s waiting until " + what);
      }
      Thread.sleep(250);
    }
  }
}
