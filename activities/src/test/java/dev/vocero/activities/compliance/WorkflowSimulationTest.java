package dev.vocero.activities.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vocero.activities.calls.BatchActivitiesImpl;
import dev.vocero.activities.calls.CallAttemptActivitiesImpl;
import dev.vocero.activities.calls.CallCreditActivitiesImpl;
import dev.vocero.activities.calls.CallbackUrls;
import dev.vocero.activities.calls.ContactCallActivitiesImpl;
import dev.vocero.activities.messaging.MessageActivitiesImpl;
import dev.vocero.activities.messaging.MessagingSettings;
import dev.vocero.domain.compliance.ContactChannel;
import dev.vocero.domain.compliance.simulation.IndependentChecker;
import dev.vocero.domain.compliance.simulation.SimulatedContact;
import dev.vocero.domain.credits.CreditPrices;
import dev.vocero.domain.persons.PersonKey;
import dev.vocero.store.TestDatabase;
import dev.vocero.store.VoceroDatabase;
import dev.vocero.store.accounts.OrganizationDao;
import dev.vocero.store.calls.BatchDao;
import dev.vocero.store.calls.ContactDao;
import dev.vocero.store.calls.DncDao;
import dev.vocero.store.messaging.WaveDao;
import dev.vocero.store.persons.PersonDao;
import dev.vocero.workflows.calls.BatchSettings;
import dev.vocero.workflows.calls.CallBatchInput;
import dev.vocero.workflows.calls.CallBatchWorkflow;
import dev.vocero.workflows.calls.CallBatchWorkflowImpl;
import dev.vocero.workflows.calls.CallIds;
import dev.vocero.workflows.calls.ContactCallWorkflowImpl;
import dev.vocero.workflows.common.TaskQueues;
import dev.vocero.workflows.common.VoceroSearchAttributes;
import dev.vocero.workflows.messaging.MessageWaveWorkflow;
import dev.vocero.workflows.messaging.MessageWaveWorkflowImpl;
import dev.vocero.workflows.messaging.MessagingIds;
import dev.vocero.workflows.messaging.WaveInput;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.SearchAttributeKey;
import io.temporal.common.SearchAttributes;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerOptions;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.tomcat.jdbc.pool.DataSource;
import org.apache.tomcat.jdbc.pool.PoolProperties;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A month of Vocero through the real workflows: per jurisdiction two overlapping call batches (CallBatch with its
 * ContactCall children, retries and next numbers) and four SMS/WhatsApp waves (MessageWave), with the real activities
 * on PostgreSQL and Temporal's time-skipping server, from 2026-03-06 (the US, Madrid and Santiago clock changes fall
 * inside). Only the providers are simulated ({@link SimulatedTelephony}, {@link SimulatedMessaging}). Afterwards the
 * domain's {@link IndependentChecker}, which does not call the gate, checks what Vocero stored.
 */
class WorkflowSimulationTest {
  static final int PERSONS = Integer.getInteger("simulation.persons", 200);
  static final long SEED = Long.getLong("simulation.seed", 20261207L);
  static final Instant START = Instant.parse("2026-03-06T00:00:00Z");
  static final Duration LENGTH = Duration.ofDays(30);
  static final List<String> CODES = List.of("CL", "CO", "US", "MX", "ES");
  static final Map<String, List<String>> ZONES = Map.of(
      "CL", List.of("America/Santiago", "America/Punta_Arenas"),
      "CO", List.of("America/Bogota"),
      "US", List.of("America/New_York", "America/Chicago", "America/Denver", "America/Phoenix",
          "America/Los_Angeles", "Pacific/Honolulu"),
      "MX", List.of("America/Mexico_City", "America/Tijuana", "America/Cancun"),
      "ES", List.of("Europe/Madrid", "Atlantic/Canary"));

  final UUID org = UUID.nameUUIDFromBytes(("simulation:" + SEED).getBytes(StandardCharsets.UTF_8));

  /** Something to start at a server time: a batch or a wave. */
  record Launch(Instant at, String name, Runnable start) {}

  @Test
  @Timeout(value = 20, unit = TimeUnit.MINUTES) // a failure, not a hung build, if the server stalls some other way
  void givenAMonthOfBatchesAndWavesThroughTheWorkflows_theCheckerShouldFindNoViolationInWhatWasStored() {
    long wallStart = System.nanoTime();
    DataSource pool = pooled(TestDatabase.fresh());
    Jdbi jdbi = VoceroDatabase.configure(Jdbi.create(pool));
    jdbi.useExtension(OrganizationDao.class, dao -> dao.insert(org, "Simulation"));
    TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder()
        .setInitialTime(START).build());
    TimeSkippingWatchdog watchdog = new TimeSkippingWatchdog(env, Duration.ofSeconds(15));
    try {
      for (SearchAttributeKey<String> key : VoceroSearchAttributes.ALL) {
        env.registerSearchAttribute(key.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);
      }
      Clock clock = new ServerClock(env);
      SimulatedMessaging messaging = new SimulatedMessaging(SEED, org, jdbi, clock);
      workers(env, jdbi, clock, messaging);
      Map<String, Instant> dncSince = new HashMap<>();
      List<Launch> launches = lists(jdbi, env.getWorkflowClient(), dncSince);
      launches.sort(Comparator.comparing(Launch::at));
      for (Launch launch : launches) {
        watchdog.sleep(Duration.between(clock.instant(), launch.at()));
        launch.start().run();
        System.out.printf("Workflow simulation: %s started at %s, %.1f s wall%n", launch.name(), launch.at(),
            (System.nanoTime() - wallStart) / 1e9);
      }
      watchdog.sleep(Duration.between(clock.instant(), START.plus(LENGTH)));
      if (watchdog.released() > 0) {
        System.out.printf("Workflow simulation: the test server leaked %d time-skipping lock(s), given back%n",
            watchdog.released());
      }
      double simulated = (System.nanoTime() - wallStart) / 1e9;

      messaging.stoppedAt().forEach((number, at) -> dncSince.merge(number, at, (a, b) -> a.isBefore(b) ? a : b));
      StoredContacts stored = new StoredContacts(jdbi, org);
      List<String> violations = new ArrayList<>(stored.ungated);
      violations.addAll(new IndependentChecker(dncSince).violations(stored.contacts));
      report(jdbi, stored.contacts, violations, messaging, simulated);

      assertEquals(List.of(), violations.stream().limit(20).toList());
      assertDidRealWork(jdbi, stored.contacts, messaging, dncSince);
    } finally {
      watchdog.close();
      env.close();
      pool.close();
    }
  }

  /** Calls and messages in every jurisdiction, the key rules held someone back, STOP and DNC were honoured. */
  private void assertDidRealWork(Jdbi jdbi, List<SimulatedContact> contacts, SimulatedMessaging messaging,
      Map<String, Instant> dncSince) {
    Map<String, Long> byJurisdiction = count(contacts, c -> c.person().jurisdiction() + " "
        + (c.channel() == ContactChannel.CALL ? "call" : "message"));
    for (String cc : CODES) {
      assertTrue(byJurisdiction.getOrDefault(cc + " call", 0L) > 0, "calls in " + cc + ": " + byJurisdiction);
      assertTrue(byJurisdiction.getOrDefault(cc + " message", 0L) > 0, "messages in " + cc + ": " + byJurisdiction);
    }
    Map<String, Long> held = held(jdbi);
    assertTrue(held.keySet().stream().anyMatch(k -> k.startsWith("co.one-channel-a-week")), held.toString());
    assertTrue(held.keySet().stream().anyMatch(k -> k.startsWith("us.reg-f-after-conversation")), held.toString());
    assertTrue(held.keySet().stream().anyMatch(k -> k.startsWith("cl.phone-once-a-week")), held.toString());
    assertTrue(held.keySet().stream().anyMatch(k -> k.endsWith(" sms wait") || k.endsWith(" whatsapp wait")),
        "a wave waited: " + held);
    assertTrue(contacts.stream().anyMatch(c -> c.outcome().equals("conversation")));
    assertTrue(contacts.stream().anyMatch(c -> c.outcome().equals("not_placed")), "a next number was used");
    assertTrue(messaging.stoppedAt().size() > 0, "someone answered STOP");
    assertTrue(skippedForDnc(jdbi) > 0, "a wave skipped a number on the DNC list");
    assertEquals(dncSince.keySet(), Set.copyOf(jdbi.withHandle(h -> h.createQuery(
        "select phone_e164 from dnc_numbers where org_id = :o").bind("o", org).mapTo(String.class).list())),
        "every STOP is on the DNC list");
  }

  /**
   * Pooled like the application's database (a connection per statement costs more than the statement), with commits
   * not waiting for the disk: the test checks decisions, not durability.
   */
  private static DataSource pooled(TestDatabase db) {
    PoolProperties pool = new PoolProperties();
    pool.setDataSource(db.dataSource());
    pool.setMaxActive(48);
    pool.setMaxIdle(48);
    pool.setInitSQL("set synchronous_commit = off");
    return new DataSource(pool);
  }

  private void workers(TestWorkflowEnvironment env, Jdbi jdbi, Clock clock, SimulatedMessaging messaging) {
    WorkflowClient client = env.getWorkflowClient();
    ContactCallActivitiesImpl calls = new ContactCallActivitiesImpl(jdbi,
        new SimulatedTelephony(SEED, org, jdbi, client), new CallbackUrls("http://localhost:8080"),
        new ContactCallActivitiesImpl.TelephonyDefaults("+14155550100", false, null, 30), clock);
    CallCreditActivitiesImpl credits = new CallCreditActivitiesImpl(jdbi, CreditPrices.defaults());
    BatchActivitiesImpl batches = new BatchActivitiesImpl(jdbi, client);
    MessageActivitiesImpl messages = new MessageActivitiesImpl(jdbi, messaging,
        new MessagingSettings("+14155550199", "+14155550198", "https://vocero.example.com"), new ObjectMapper(),
        CreditPrices.defaults(), clock);
    // a small worker's slots: on two busy cores, 200 tasks at once time out (and are retried) instead of finishing
    Worker workflows = env.newWorker(TaskQueues.WORKFLOWS, WorkerOptions.newBuilder()
        .setMaxConcurrentWorkflowTaskExecutionSize(16).setMaxConcurrentLocalActivityExecutionSize(16).build());
    workflows.registerWorkflowImplementationTypes(CallBatchWorkflowImpl.class, ContactCallWorkflowImpl.class,
        MessageWaveWorkflowImpl.class);
    // local activities run in the workflow worker: the lean attempt's two steps, and the older ones resumes still use
    workflows.registerActivitiesImplementations(calls, credits, new CallAttemptActivitiesImpl(jdbi, calls, credits));
    for (String queue : List.of(TaskQueues.IO, TaskQueues.TELEPHONY)) {
      env.newWorker(queue, WorkerOptions.newBuilder().setMaxConcurrentActivityExecutionSize(16).build())
          .registerActivitiesImplementations(calls, credits, batches, messages);
    }
    env.start();
  }

  /**
   * Per jurisdiction: persons with one to three numbers (5% with a first number already on the DNC list), list A of
   * 70% of them started on day 0, list B of another 70% (40% in both, their numbers in another order) on day 1, and
   * four waves: SMS to list A on day 3, WhatsApp to list B on day 5, SMS to A's unanswered on day 12, WhatsApp to B on
   * day 19.
   */
  private List<Launch> lists(Jdbi jdbi, WorkflowClient client, Map<String, Instant> dncSince) {
    Random random = new Random(SEED);
    Map<String, List<ContactDao.NewContact>> listA = new HashMap<>();
    Map<String, List<ContactDao.NewContact>> listB = new HashMap<>();
    for (int i = 0; i < PERSONS; i++) {
      String cc = CODES.get(i % CODES.size());
      List<String> zones = ZONES.get(cc);
      String zone = zones.get(random.nextInt(zones.size()));
      List<String> numbers = new ArrayList<>();
      int count = 1 + random.nextInt(3);
      for (int n = 0; n < count; n++) {
        numbers.add("+" + (1_000_000_000L + i * 10L + n));
      }
      if (i % 20 == 0) {
        jdbi.useExtension(DncDao.class, dao -> dao.add(org, numbers.get(0), "asked before", "api"));
        dncSince.put(numbers.get(0), START);
      }
      String document = String.valueOf(10_000_000 + i);
      int decile = i / CODES.size() % 10; // not i % 10: every jurisdiction has persons in both lists
      if (decile < 7) {
        listA.computeIfAbsent(cc, k -> new ArrayList<>()).add(row(listA.getOrDefault(cc, List.of()).size() + 2,
            i, numbers, zone, document));
      }
      if (decile >= 3) {
        List<String> reordered = new ArrayList<>(numbers);
        java.util.Collections.reverse(reordered);
        listB.computeIfAbsent(cc, k -> new ArrayList<>()).add(row(listB.getOrDefault(cc, List.of()).size() + 2,
            i, reordered, zone, document));
      }
    }
    List<Launch> launches = new ArrayList<>();
    Instant morning = START.plus(Duration.ofHours(13));
    for (String cc : CODES) {
      UUID a = batch(jdbi, cc, "A", listA.get(cc));
      UUID b = batch(jdbi, cc, "B", listB.get(cc));
      launches.add(new Launch(morning, cc + " batch A", () -> startBatch(client, a, cc)));
      launches.add(new Launch(morning.plus(Duration.ofDays(1)), cc + " batch B", () -> startBatch(client, b, cc)));
      launches.add(wave(jdbi, client, cc, a, "sms", null, morning.plus(Duration.ofDays(3).plusHours(2))));
      launches.add(wave(jdbi, client, cc, b, "whatsapp", null, morning.plus(Duration.ofDays(5).plusHours(2))));
      launches.add(wave(jdbi, client, cc, a, "sms", "no_answer", morning.plus(Duration.ofDays(12).plusHours(2))));
      launches.add(wave(jdbi, client, cc, b, "whatsapp", null, morning.plus(Duration.ofDays(19).plusHours(2))));
    }
    return launches;
  }

  private static ContactDao.NewContact row(int rowNumber, int person, List<String> numbers, String zone,
      String document) {
    Optional<PersonKey> key = PersonKey.of(document, Map.of());
    return new ContactDao.NewContact(rowNumber, "Person " + person, numbers, null, null, zone, document, null, "{}",
        key.map(k -> k.kind().wire()).orElse(null), key.map(PersonKey::hash).orElse(null));
  }

  private UUID batch(Jdbi jdbi, String cc, String list, List<ContactDao.NewContact> rows) {
    UUID id = UUID.nameUUIDFromBytes(("simulation:" + SEED + ":" + cc + ":" + list).getBytes(StandardCharsets.UTF_8));
    jdbi.useExtension(BatchDao.class, dao -> dao.insert(id, org, cc + " " + list,
        "{\"jurisdiction\":\"" + cc + "\"}", list + ".csv", "csv", rows.size(), rows.size(), 0, null));
    jdbi.useExtension(ContactDao.class, dao -> dao.insertAll(org, id, rows));
    jdbi.useExtension(PersonDao.class, dao -> dao.attachBatch(org, id));
    return id;
  }

  private void startBatch(WorkflowClient client, UUID batch, String cc) {
    BatchSettings settings = new BatchSettings(5, 1000, 4, Map.of("no_answer", 3600L, "busy", 1800L,
        "answered_machine", 7200L), cc, List.of(), 0, 120, 0);
    CallBatchWorkflow workflow = client.newWorkflowStub(CallBatchWorkflow.class, WorkflowOptions.newBuilder()
        .setWorkflowId(CallIds.batchWorkflowId(batch)).setTaskQueue(TaskQueues.WORKFLOWS)
        .setTypedSearchAttributes(SearchAttributes.newBuilder()
            .set(VoceroSearchAttributes.ORG, org.toString())
            .set(VoceroSearchAttributes.KIND, CallIds.BATCH_KIND)
            .set(VoceroSearchAttributes.BATCH_ID, batch.toString())
            .set(VoceroSearchAttributes.STATUS, "running").build())
        .build());
    WorkflowClient.start(workflow::run, CallBatchInput.first(org, batch, settings));
  }

  private Launch wave(Jdbi jdbi, WorkflowClient client, String cc, UUID batch, String channel, String disposition,
      Instant at) {
    UUID id = UUID.nameUUIDFromBytes(("simulation:" + SEED + ":" + cc + ":" + channel + ":" + at)
        .getBytes(StandardCharsets.UTF_8));
    jdbi.useExtension(WaveDao.class, dao -> dao.insert(id, org, cc + " " + channel, channel, "Hola {{name}}", null,
        null, batch, disposition, 600, null));
    return new Launch(at, cc + " " + channel + " wave", () -> {
      MessageWaveWorkflow workflow = client.newWorkflowStub(MessageWaveWorkflow.class, WorkflowOptions.newBuilder()
          .setWorkflowId(MessagingIds.waveWorkflowId(id)).setTaskQueue(TaskQueues.WORKFLOWS)
          .setTypedSearchAttributes(SearchAttributes.newBuilder()
              .set(VoceroSearchAttributes.ORG, org.toString())
              .set(VoceroSearchAttributes.KIND, MessagingIds.WAVE_KIND)
              .set(VoceroSearchAttributes.STATUS, "running").build())
          .build());
      WorkflowClient.start(workflow::run, WaveInput.first(org, id, 600));
    });
  }

  /** Wave messages not sent because their number was on the DNC list (from the start, or after a STOP). */
  private long skippedForDnc(Jdbi jdbi) {
    return jdbi.withHandle(h -> h.createQuery("select count(*) from messages where org_id = :o and state = 'cancelled'"
        + " and error_code = 'dnc'").bind("o", org).mapTo(Long.class).one());
  }

  /** Decisions that held a contact back, by rule, channel and verdict. */
  private Map<String, Long> held(Jdbi jdbi) {
    Map<String, Long> held = new TreeMap<>();
    jdbi.useHandle(h -> h.createQuery("select rule_id || ' ' || channel || ' ' || decision as k, count(*) as n"
        + " from person_contacts where org_id = :o and decision <> 'allow' group by 1").bind("o", org)
        .map((rs, ctx) -> held.put(rs.getString("k"), rs.getLong("n"))).list());
    return held;
  }

  private void report(Jdbi jdbi, List<SimulatedContact> contacts, List<String> violations,
      SimulatedMessaging messaging, double seconds) {
    System.out.printf("Workflow simulation: %d persons, %d contacts in %d days, %.1f s wall%n", PERSONS,
        contacts.size(), LENGTH.toDays(), seconds);
    System.out.println("Workflow simulation: contacts by jurisdiction and channel "
        + count(contacts, c -> c.person().jurisdiction() + " " + c.channel().wire()));
    System.out.println("Workflow simulation: contacts by outcome " + count(contacts, SimulatedContact::outcome));
    System.out.println("Workflow simulation: allowed by jurisdiction and rule "
        + count(contacts, c -> c.person().jurisdiction() + " " + c.ruleId()));
    System.out.println("Workflow simulation: held by rule, channel and verdict " + held(jdbi));
    System.out.println("Workflow simulation: STOP replies " + messaging.stoppedAt().size()
        + ", wave messages skipped for DNC " + skippedForDnc(jdbi));
    System.out.println("Workflow simulation: violations " + violations.size());
    violations.stream().limit(20).forEach(v -> System.out.println("  " + v));
  }

  private static Map<String, Long> count(List<SimulatedContact> contacts,
      java.util.function.Function<SimulatedContact, String> key) {
    Map<String, Long> counts = new TreeMap<>();
    contacts.forEach(c -> counts.merge(key.apply(c), 1L, Long::sum));
    return counts;
  }
}
