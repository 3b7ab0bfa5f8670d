package dev.vocero.activities.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vocero.activities.calls.ContactCallActivitiesImpl;
import dev.vocero.activities.messaging.MessageActivitiesImpl;
import dev.vocero.activities.messaging.MessageRequest;
import dev.vocero.activities.messaging.Messaging;
import dev.vocero.activities.messaging.MessagingSettings;
import dev.vocero.activities.messaging.SentMessage;
import dev.vocero.domain.compliance.PolicySettings;
import dev.vocero.domain.credits.CreditPrices;
import dev.vocero.store.TestDatabase;
import dev.vocero.store.accounts.OrganizationDao;
import dev.vocero.store.calls.BatchDao;
import dev.vocero.store.messaging.MessageDao;
import dev.vocero.store.messaging.WaveDao;
import dev.vocero.store.persons.PersonContactRow;
import dev.vocero.store.persons.PersonDao;
import dev.vocero.workflows.calls.BatchSettings;
import dev.vocero.workflows.calls.ContactCallActivities.AttemptOutcome;
import dev.vocero.workflows.calls.ContactCallActivities.AttemptPlan;
import dev.vocero.workflows.calls.ContactCallActivities.Decision;
import dev.vocero.workflows.calls.ContactCallActivities.PlanRequest;
import dev.vocero.workflows.calls.Disposition;
import dev.vocero.workflows.common.TaskQueues;
import dev.vocero.workflows.messaging.MessageActivities.Outcome;
import dev.vocero.workflows.messaging.MessageActivities.SendRequest;
import dev.vocero.workflows.messaging.MessageActivities.SendResult;
import dev.vocero.workflows.messaging.MessageWaveWorkflow;
import dev.vocero.workflows.messaging.MessageWaveWorkflowImpl;
import dev.vocero.workflows.messaging.MessagingIds;
import dev.vocero.workflows.messaging.WaveInput;
import dev.vocero.workflows.messaging.WaveProgress;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** Real PostgreSQL: the person's contact gate as the call planner and the wave sender ask it. */
class PersonContactGateTest {
  // Tuesday 2026-03-03 10:00 in Santiago (UTC-3) and in Bogota (UTC-5)
  static final Instant CL_TUESDAY = Instant.parse("2026-03-03T13:00:00Z");
  static final Instant CO_TUESDAY = Instant.parse("2026-03-03T15:00:00Z");
  static final Jdbi jdbi = TestDatabase.fresh().jdbi();

  final GateRows rows = new GateRows(jdbi); // a new organisation per test
  final UUID org = rows.org();

  @Test
  void givenAChileanListWithTwoNumbersPerDebtorInTwoBatches_itShouldCallEachPersonOnceAWeek() {
    UUID first = rows.batch("CL");
    UUID second = rows.batch("CL");
    long ana = rows.contact(first, 2, "12.345.678-5", "America/Santiago", "+56911111111", "+56922222222");
    long anaAgain = rows.contact(second, 2, "12345678-5", "America/Santiago", "+56933333333");
    ContactCallActivitiesImpl calls = rows.calls(CL_TUESDAY);

    AttemptPlan dial = calls.planAttempt(rows.plan(first, ana, 1, 0, "CL"));
    assertEquals(Decision.DIAL, dial.decision());
    calls.recordOutcome(new AttemptOutcome(org, dial.attemptId(), Disposition.NO_ANSWER, "no-answer", "next_number"));

    AttemptPlan otherNumber = calls.planAttempt(rows.plan(first, ana, 2, 1, "CL"));
    AttemptPlan otherBatch = calls.planAttempt(rows.plan(second, anaAgain, 1, 0, "CL"));
    for (AttemptPlan held : List.of(otherNumber, otherBatch)) {
      assertEquals(Decision.WAIT, held.decision(), held.reason());
      assertEquals(CL_TUESDAY.plus(Duration.ofDays(7)).toEpochMilli(), held.notBeforeEpochMs());
      assertTrue(held.reason().endsWith("[cl.phone-once-a-week]"), held.reason());
    }
    AttemptPlan nextWeek = rows.calls(CL_TUESDAY.plus(Duration.ofDays(7))).planAttempt(rows.plan(second, anaAgain, 1, 0, "CL"));
    assertEquals(Decision.DIAL, nextWeek.decision());

    long person = person(ana);
    assertEquals(person, person(anaAgain));
    List<PersonContactRow> history = jdbi.withExtension(PersonDao.class, dao -> dao.list(org, person, 50, 0));
    assertEquals(List.of("allow", "wait", "wait", "allow"), history.stream().map(PersonContactRow::decision).toList());
    assertEquals("no_answer", history.get(3).outcome()); // newest first: the first call is last
    assertTrue(history.stream().allMatch(h -> h.phoneMasked() != null && !h.phoneMasked().contains("1111111")));
    String rule = jdbi.withHandle(h -> h.createQuery("select rule_id from call_decisions where attempt_id = :a and decision = 'dial'")
        .bind("a", dial.attemptId()).mapTo(String.class).one());
    assertEquals("cl.hours", rule);
  }

  @Test
  void givenTwoBatchesPlanningTheSamePersonAtOnce_itShouldLetOnlyOneTakeTheWeeksCall() throws Exception {
    int batches = 8;
    List<UUID> batchIds = new ArrayList<>();
    List<Long> contacts = new ArrayList<>();
    for (int i = 0; i < batches; i++) {
      UUID b = rows.batch("CL");
      batchIds.add(b);
      contacts.add(rows.contact(b, 2, "9.876.543-3", "America/Santiago", "+5691234567" + i));
    }
    ContactCallActivitiesImpl calls = rows.calls(CL_TUESDAY);
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(batches);
    try {
      List<Future<AttemptPlan>> plans = new ArrayList<>();
      for (int i = 0; i < batches; i++) {
        int n = i;
        Callable<AttemptPlan> task = () -> {
          start.await();
          return calls.planAttempt(rows.plan(batchIds.get(n), contacts.get(n), 1, 0, "CL"));
        };
        plans.add(pool.submit(task));
      }
      start.countDown();
      AtomicInteger dialed = new AtomicInteger();
      for (Future<AttemptPlan> plan : plans) {
        if (plan.get().decision() == Decision.DIAL) {
          dialed.incrementAndGet();
        } else {
          assertEquals(Decision.WAIT, plan.get().decision());
        }
      }
      assertEquals(1, dialed.get());
    } finally {
      pool.shutdownNow();
    }
    long allowed = jdbi.withHandle(h -> h.createQuery("select count(*) from person_contacts where org_id = :o"
        + " and decision = 'allow'").bind("o", org).mapTo(Long.class).one());
    assertEquals(1, allowed);
  }

  @Test
  void givenThePlanOfOneAttemptRunTwiceAtOnce_itShouldDialOnceAndAnswerDialToBoth() throws Exception {
    UUID batch = rows.batch("CL");
    long ana = rows.contact(batch, 2, "7.654.321-6", "America/Santiago", "+56955555555");
    ContactCallActivitiesImpl calls = rows.calls(CL_TUESDAY);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<AttemptPlan>> runs = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        runs.add(pool.submit(() -> {
          start.await();
          return calls.planAttempt(rows.plan(batch, ana, 1, 0, "CL"));
        }));
      }
      start.countDown();
      for (Future<AttemptPlan> run : runs) {
        assertEquals(Decision.DIAL, run.get().decision(), run.get().reason());
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(List.of("allow"), jdbi.withExtension(PersonDao.class, dao -> dao.list(org, person(ana), 10, 0))
        .stream().map(PersonContactRow::decision).toList());
  }

  @Test
  void givenAColombianCampaignThatCalledAPerson_whenItsSmsWaveReachesHimThatWeek_itShouldNotTextHim() {
    UUID batch = rows.batch("CO");
    long luis = luisCalledOnTuesday(batch);
    long eva = rows.contact(batch, 3, "52.111.222", "America/Bogota", "+573004445566");

    UUID wave = wave(batch);
    RecordingMessaging messaging = new RecordingMessaging();
    MessageActivitiesImpl messages = messages(messaging, CO_TUESDAY.plus(Duration.ofDays(2)));

    SendResult toLuis = messages.send(new SendRequest(org, wave, luis));
    SendResult toEva = messages.send(new SendRequest(org, wave, eva));

    assertEquals(Outcome.SKIPPED_POLICY, toLuis.outcome());
    assertEquals("policy", toLuis.errorCode());
    assertEquals(Outcome.SENT, toEva.outcome());
    assertEquals(List.of("+573004445566"), messaging.sentTo);
    assertEquals("co.one-channel-a-week", jdbi.withExtension(MessageDao.class, dao -> dao.findById(toLuis.messageId()))
        .map(m -> rule(m.id())).orElseThrow());
    assertEquals("co.hours", rule(toEva.messageId()));
    PersonContactRow held = jdbi.withExtension(PersonDao.class, dao -> dao.list(org, person(luis), 1, 0)).get(0);
    assertEquals("sms", held.channel());
    assertEquals("wait", held.decision());
    assertEquals(CO_TUESDAY.plus(Duration.ofDays(7)), held.notBefore());
  }

  @Test
  void givenAColombianWaveThatMayWait_whenThePersonWasCalledThisWeek_itShouldHoldTheTextUntilNextWeekThenSendIt() {
    UUID batch = rows.batch("CO");
    long luis = luisCalledOnTuesday(batch);
    UUID wave = wave(batch);
    RecordingMessaging messaging = new RecordingMessaging();
    Instant thursday = CO_TUESDAY.plus(Duration.ofDays(2));
    Instant nextTuesday = CO_TUESDAY.plus(Duration.ofDays(7));

    SendResult held = messages(messaging, thursday).send(new SendRequest(org, wave, luis, true));
    SendResult early = messages(messaging, nextTuesday.minus(Duration.ofHours(1)))
        .send(new SendRequest(org, wave, luis, true));
    Map<String, Long> waiting = counts(wave);
    SendResult sent = messages(messaging, nextTuesday).send(new SendRequest(org, wave, luis, true));

    assertEquals(Outcome.WAITING, held.outcome());
    assertEquals(nextTuesday.toEpochMilli(), held.notBeforeMillis());
    assertEquals(Outcome.WAITING, early.outcome(), "asked again before its time: still waiting");
    assertEquals(Map.of("pending:policy_wait", 1L), waiting);
    assertEquals(Outcome.SENT, sent.outcome());
    assertEquals(List.of("+573001112233"), messaging.sentTo, "texted once, the next week");
    assertEquals("co.hours", rule(sent.messageId()));
    List<PersonContactRow> history = jdbi.withExtension(PersonDao.class, dao -> dao.list(org, person(luis), 10, 0));
    assertEquals(List.of("sms:allow", "sms:wait", "sms:wait", "call:allow"),
        history.stream().map(h -> h.channel() + ":" + h.decision()).toList());
  }

  @Test
  void givenACampaignWaveWhoseCampaignEndsBeforeTheWait_itShouldSkipTheTextWithTheRule() {
    UUID batch = rows.batch("CO");
    long luis = luisCalledOnTuesday(batch);
    UUID campaign = rows.weekdayCampaign(LocalDate.parse("2026-03-02"), LocalDate.parse("2026-03-06"),
        LocalTime.of(8, 0), LocalTime.of(18, 0), "America/Bogota");
    UUID wave = UUID.randomUUID();
    jdbi.useExtension(WaveDao.class, dao -> dao.insertHeld(wave, org, "Not reached", "sms", "Hola", null, null, batch,
        null, 60, campaign, null));
    RecordingMessaging messaging = new RecordingMessaging();

    SendResult skipped = messages(messaging, CO_TUESDAY.plus(Duration.ofDays(2)))
        .send(new SendRequest(org, wave, luis, true));

    assertEquals(Outcome.SKIPPED_POLICY, skipped.outcome(), "next Tuesday is after the campaign's last window");
    assertEquals("co.one-channel-a-week", rule(skipped.messageId()));
    assertEquals(Map.of("cancelled:policy", 1L), counts(wave));
    assertTrue(messaging.sentTo.isEmpty());
  }

  /** The real wave workflow and the real wave activities on the time-skipping server, the gate on its clock. */
  @Test
  void givenAWaveOnTheTimeSkippingServer_whenThePolicyHoldsOnePerson_itShouldTextTheOthersNowAndHimNextWeek() {
    TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder()
        .setInitialTime(CO_TUESDAY).build());
    try {
      Clock serverClock = new ServerClock(env);
      UUID batch = rows.batch("CO");
      long luis = rows.contact(batch, 2, "1.020.304.050", "America/Bogota", "+573001112233");
      rows.contact(batch, 3, "52.111.222", "America/Bogota", "+573004445566");
      rows.contact(batch, 4, "79.333.444", "America/Bogota", "+573007778899");
      ContactCallActivitiesImpl calls = rows.calls(serverClock);
      Instant beforeCall = serverClock.instant();
      AttemptPlan call = calls.planAttempt(rows.plan(batch, luis, 1, 0, "CO"));
      calls.recordOutcome(new AttemptOutcome(org, call.attemptId(), Disposition.NO_ANSWER, "no-answer", "done"));
      Instant called = serverClock.instant();
      UUID wave = wave(batch);
      RecordingMessaging messaging = new RecordingMessaging(serverClock);
      MessageActivitiesImpl activities = messages(messaging, serverClock);
      env.newWorker(TaskQueues.WORKFLOWS).registerWorkflowImplementationTypes(MessageWaveWorkflowImpl.class);
      env.newWorker(TaskQueues.IO).registerActivitiesImplementations(activities);
      env.newWorker(TaskQueues.TELEPHONY).registerActivitiesImplementations(activities);
      env.start();
      MessageWaveWorkflow workflow = env.getWorkflowClient().newWorkflowStub(MessageWaveWorkflow.class,
          WorkflowOptions.newBuilder().setWorkflowId(MessagingIds.waveWorkflowId(wave))
              .setTaskQueue(TaskQueues.WORKFLOWS).build());

      WaveProgress done = workflow.run(WaveInput.first(org, wave, 60));

      assertEquals(3, done.sent(), done.toString());
      assertEquals(0, done.waiting());
      assertEquals(List.of("+573004445566", "+573007778899", "+573001112233"), messaging.sentTo);
      Instant luisTexted = messaging.sentAt.get(2);
      assertTrue(!luisTexted.isBefore(beforeCall.plus(Duration.ofDays(7))), "one channel a week: " + luisTexted);
      assertTrue(luisTexted.isBefore(called.plus(Duration.ofDays(7)).plus(Duration.ofMinutes(5))), "and then at once");
      assertTrue(messaging.sentAt.get(1).isBefore(called.plus(Duration.ofMinutes(5))), "the others at once");
      assertEquals(Map.of("processing:null", 3L), counts(wave), "all three queued by the provider, none waiting");
      List<PersonContactRow> history = jdbi.withExtension(PersonDao.class, dao -> dao.list(org, person(luis), 10, 0));
      assertEquals(List.of("sms:allow", "sms:wait", "call:allow"),
          history.stream().map(h -> h.channel() + ":" + h.decision()).toList());
      Instant waitedFor = history.get(1).notBefore();
      assertTrue(!waitedFor.isBefore(beforeCall.plus(Duration.ofDays(7))) && !waitedFor.isAfter(luisTexted),
          "held a week after the call, texted once that came: " + waitedFor);
      assertEquals("co.one-channel-a-week", history.get(1).ruleId(), "the rule that held it a week");
      assertEquals("co.hours", history.get(0).ruleId());
    } finally {
      env.close();
    }
  }

  /** Luis, a debtor of the Colombian batch, called on Tuesday without an answer; returns his contact. */
  private long luisCalledOnTuesday(UUID batch) {
    long luis = rows.contact(batch, 2, "1.020.304.050", "America/Bogota", "+573001112233");
    AttemptPlan call = rows.calls(CO_TUESDAY).planAttempt(rows.plan(batch, luis, 1, 0, "CO"));
    assertEquals(Decision.DIAL, call.decision());
    rows.calls(CO_TUESDAY).recordOutcome(new AttemptOutcome(org, call.attemptId(), Disposition.NO_ANSWER, "no-answer",
        "done"));
    return luis;
  }

  /** An SMS wave to the batch, not held by any campaign. */
  private UUID wave(UUID batch) {
    UUID wave = UUID.randomUUID();
    jdbi.useExtension(WaveDao.class, dao -> dao.insert(wave, org, "Not reached", "sms", "Hola {{name}}", null, null,
        batch, null, 60, null));
    return wave;
  }

  private MessageActivitiesImpl messages(RecordingMessaging messaging, Instant now) {
    return messages(messaging, Clock.fixed(now, ZoneOffset.UTC));
  }

  private MessageActivitiesImpl messages(RecordingMessaging messaging, Clock clock) {
    return new MessageActivitiesImpl(jdbi, messaging,
        new MessagingSettings("+14155550199", "+14155550198", "https://vocero.example.com"), new ObjectMapper(),
        CreditPrices.defaults(), clock);
  }

  private Map<String, Long> counts(UUID wave) {
    return jdbi.withExtension(MessageDao.class, dao -> dao.waveCounts(org, wave)).stream()
        .collect(java.util.stream.Collectors.toMap(c -> c.state() + ":" + c.errorCode(), MessageDao.StateCount::count));
  }

  @Test
  void givenAnOrganisationWithCustomDefaults_itShouldGateItsCustomBatchesWithThemUnlessTheBatchHasItsOwn() {
    jdbi.useExtension(OrganizationDao.class, dao -> dao.setCustomContactPolicy(org,
        "{\"callsPerWeek\":1}"));
    AnaInTwoBatches ana = anaInTwoCustomBatches();
    AttemptPlan plan = planCustom(ana.first(), ana.inFirst(), CO_TUESDAY);
    rows.calls(CO_TUESDAY).recordOutcome(new AttemptOutcome(org, plan.attemptId(), Disposition.NO_ANSWER, "no-answer",
        "done"));

    AttemptPlan again = planCustom(ana.second(), ana.inSecond(), CO_TUESDAY.plus(Duration.ofHours(2)));

    assertEquals(Decision.DIAL, plan.decision());
    assertEquals(Decision.WAIT, again.decision(), again.reason());
    assertTrue(again.reason().endsWith("[org.calls-per-week]"), again.reason());
    List<PersonContactRow> history = jdbi.withExtension(PersonDao.class, dao -> dao.list(org, person(ana.inFirst()),
        10, 0));
    assertEquals(List.of("CUSTOM@2026-12-07+org", "CUSTOM@2026-12-07+org"),
        history.stream().map(PersonContactRow::policy).toList());
  }

  @Test
  void givenCustomWindowBatches_itShouldGateThePersonWithVocerosDefaultLimits() {
    AnaInTwoBatches ana = anaInTwoCustomBatches();
    AttemptPlan plan = planCustom(ana.first(), ana.inFirst(), CO_TUESDAY);
    assertEquals(Decision.DIAL, plan.decision());
    assertEquals("custom.hours", jdbi.withHandle(h -> h.createQuery("select rule_id from call_attempts where id = :a")
        .bind("a", plan.attemptId()).mapTo(String.class).one()));

    rows.calls(CO_TUESDAY).recordOutcome(new AttemptOutcome(org, plan.attemptId(), Disposition.ANSWERED_HUMAN, "completed",
        "done"));
    AttemptPlan again = planCustom(ana.second(), ana.inSecond(), CO_TUESDAY.plus(Duration.ofHours(2)));
    assertEquals(Decision.WAIT, again.decision(), again.reason());
    assertTrue(again.reason().endsWith("[custom.quiet-after-conversation]"), again.reason());
    assertEquals(CO_TUESDAY.plus(Duration.ofDays(7)).toEpochMilli(), again.notBeforeEpochMs());
    List<PersonContactRow> history = jdbi.withExtension(PersonDao.class, dao -> dao.list(org, person(ana.inFirst()),
        10, 0));
    assertEquals(List.of("CUSTOM@2026-12-07", "CUSTOM@2026-12-07"),
        history.stream().map(PersonContactRow::policy).toList());
  }

  @Test
  void givenAChileanBatchWithAnOverrideOfTwoCallsAWeek_itShouldCallTwiceAndRecordTheOverride() {
    UUID batch = rows.batch("CL");
    jdbi.useExtension(BatchDao.class, dao -> dao.setContactPolicy(org, batch, new PolicySettings(null, 2, null, null,
        null, null, null, new PolicySettings.Override("the debtor asked for a second call")).toJson()));
    long ana = rows.contact(batch, 2, "11.111.112-K", "America/Santiago", "+56911111111", "+56922222222");
    ContactCallActivitiesImpl calls = rows.calls(CL_TUESDAY);
    AttemptPlan first = calls.planAttempt(rows.plan(batch, ana, 1, 0, "CL"));
    calls.recordOutcome(new AttemptOutcome(org, first.attemptId(), Disposition.NO_ANSWER, "no-answer", "next_number"));
    AttemptPlan second = calls.planAttempt(rows.plan(batch, ana, 2, 1, "CL"));
    assertEquals(Decision.DIAL, second.decision(), second.reason());
    calls.recordOutcome(new AttemptOutcome(org, second.attemptId(), Disposition.NO_ANSWER, "no-answer", "retry"));
    AttemptPlan third = calls.planAttempt(rows.plan(batch, ana, 3, 0, "CL"));
    assertEquals(Decision.WAIT, third.decision());
    assertTrue(third.reason().endsWith("[override.calls-per-week]"), third.reason());
    assertEquals("CL@2026-12-07+override", jdbi.withExtension(PersonDao.class, dao -> dao.list(org, person(ana), 1, 0))
        .get(0).policy());
  }

  @Test
  void givenAUsBatchTightenedToOneCallADay_itShouldHoldTheSecondCallUnderTheBatchRule() {
    UUID batch = rows.batch("US");
    jdbi.useExtension(BatchDao.class, dao -> dao.setContactPolicy(org, batch, new PolicySettings(1, null, null, null,
        null, null, null, null).toJson()));
    long joe = rows.contact(batch, 2, null, "America/New_York", "+12125550100", "+12125550101");
    Instant tuesday = Instant.parse("2026-03-03T15:00:00Z"); // 10:00 in New York
    ContactCallActivitiesImpl calls = rows.calls(tuesday);
    AttemptPlan first = calls.planAttempt(rows.plan(batch, joe, 1, 0, "US"));
    calls.recordOutcome(new AttemptOutcome(org, first.attemptId(), Disposition.NO_ANSWER, "no-answer", "next_number"));
    AttemptPlan second = calls.planAttempt(rows.plan(batch, joe, 2, 1, "US"));
    assertEquals(Decision.WAIT, second.decision());
    assertTrue(second.reason().endsWith("[batch.calls-per-day]"), second.reason());
  }

  /** Ana's contacts in two CUSTOM batches, her document written two ways: one person. */
  private record AnaInTwoBatches(UUID first, long inFirst, UUID second, long inSecond) {}

  private AnaInTwoBatches anaInTwoCustomBatches() {
    UUID first = rows.batch("CUSTOM");
    UUID second = rows.batch("CUSTOM");
    return new AnaInTwoBatches(first, rows.contact(first, 2, "1.020.304.050", "America/Bogota", "+573001112233"),
        second, rows.contact(second, 2, "1020304050", "America/Bogota", "+573009998877"));
  }

  /** Her first attempt in a CUSTOM batch that may call every day 08:00-20:00, no retry delay of its own. */
  private AttemptPlan planCustom(UUID batch, long contact, Instant now) {
    BatchSettings custom = new BatchSettings(1, 1, 3, Map.of(), "CUSTOM", List.of("MON-SUN 08:00-20:00"), 0, 60, 0);
    return rows.calls(now).planAttempt(new PlanRequest(org, batch, contact, 1, 0, custom));
  }

  private String rule(UUID messageId) {
    return jdbi.withHandle(h -> h.createQuery("select rule_id from messages where id = :id").bind("id", messageId)
        .mapTo(String.class).one());
  }

  private long person(long contact) {
    return jdbi.withExtension(PersonDao.class, dao -> dao.personOf(org, contact)).orElseThrow();
  }

  /** The messaging provider's side: what it was asked to send, and when by the clock it is given. */
  private static final class RecordingMessaging implements Messaging {
    private final Clock clock;
    final List<String> sentTo = new CopyOnWriteArrayList<>();
    final List<Instant> sentAt = new CopyOnWriteArrayList<>();

    RecordingMessaging(Clock clock) {
      this.clock = clock;
    }

    RecordingMessaging() {
      this(Clock.systemUTC());
    }

    @Override
    public String provider() {
      return "sandbox";
    }

    @Override
    public SentMessage send(MessageRequest request) {
      sentTo.add(request.to());
      sentAt.add(clock.instant());
      return new SentMessage("SM" + request.messageId().toString().replace("-", ""), "queued");
    }

    @Override
    public Optional<SentMessage> findSent(MessageRequest request, Instant notBefore) {
      return Optional.empty();
    }
  }

}
