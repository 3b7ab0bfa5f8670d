package dev.vocero.activities.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vocero.activities.calls.CallbackUrls;
import dev.vocero.activities.calls.ContactCallActivitiesImpl;
import dev.vocero.activities.calls.UnusedTelephony;
import dev.vocero.activities.messaging.MessageActivitiesImpl;
import dev.vocero.activities.messaging.MessageRequest;
import dev.vocero.activities.messaging.Messaging;
import dev.vocero.activities.messaging.MessagingSettings;
import dev.vocero.activities.messaging.SentMessage;
import dev.vocero.domain.compliance.PolicySettings;
import dev.vocero.domain.credits.CreditPrices;
import dev.vocero.domain.persons.PersonKey;
import dev.vocero.store.TestDatabase;
import dev.vocero.store.accounts.OrganizationDao;
import dev.vocero.store.calls.BatchDao;
import dev.vocero.store.calls.ContactDao;
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
import dev.vocero.workflows.messaging.MessageActivities.Outcome;
import dev.vocero.workflows.messaging.MessageActivities.SendRequest;
import dev.vocero.workflows.messaging.MessageActivities.SendResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import dev.vocero.workflows.common.TaskQueues;
import dev.vocero.workflows.messaging.MessageWaveWorkflow;
import dev.vocero.workflows.messaging.MessageWaveWorkflowImpl;
import dev.vocero.workflows.messaging.MessagingIds;
import dev.vocero.workflows.messaging.WaveInput;
import dev.vocero.workflows.messaging.WaveProgress;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import java.time.LocalDate;
import java.time.LocalTime;
import dev.vocero.store.campaigns.CampaignDao;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real PostgreSQL: the person's contact gate as the call planner and the wave sender ask it. */
class PersonContactGateTest {
  // Tuesday 2026-03-03 10:00 in Santiago (UTC-3) and in Bogota (UTC-5)
  static final Instant CL_TUESDAY = Instant.parse("2026-03-03T13:00:00Z");
  static final Instant CO_TUESDAY = Instant.parse("2026-03-03T15:00:00Z");
  static Jdbi jdbi;

  final UUID org = UUID.randomUUID();

  @BeforeAll
  static void database() {
    jdbi = TestDatabase.fresh().jdbi();
  }

  @BeforeEach
  void organization() {
    jdbi.useExtension(OrganizationDao.class, dao -> dao.insert(org, "Org " + org));
  }

  @Test
  void givenAChileanListWithTwoNumbersPerDebtorInTwoBatches_itShouldCallEachPersonOnceAWeek() {
    UUID first = batch("CL");
    UUID second = batch("CL");
    long ana = contact(first, 2, "12.345.678-5", "America/Santiago", "+56911111111", "+56922222222");
    long anaAgain = contact(second, 2, "12345678-5", "America/Santiago", "+56933333333");
    ContactCallActivitiesImpl calls = calls(CL_TUESDAY);

    AttemptPlan dial = calls.planAttempt(plan(first, ana, 1, 0, "CL"));
    assertEquals(Decision.DIAL, dial.decision());
    calls.recordOutcome(new AttemptOutcome(org, dial.attemptId(), Disposition.NO_ANSWER, "no-answer", "next_number"));

    AttemptPlan otherNumber = calls.planAttempt(plan(first, ana, 2, 1, "CL"));
    AttemptPlan otherBatch = calls.planAttempt(plan(second, anaAgain, 1, 0, "CL"));
    for (AttemptPlan held : List.of(otherNumber, otherBatch)) {
      assertEquals(Decision.WAIT, held.decision(), held.reason());
      assertEquals(CL_TUESDAY.plus(Duration.ofDays(7)).toEpochMilli(), held.notBeforeEpochMs());
      assertTrue(held.reason().endsWith("[cl.phone-once-a-week]"), held.reason());
    }
    AttemptPlan nextWeek = calls(CL_TUESDAY.plus(Duration.ofDays(7))).planAttempt(plan(second, anaAgain, 1, 0, "CL"));
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
      UUID b = batch("CL");
      batchIds.add(b);
      contacts.add(contact(b, 2, "9.876.543-3", "America/Santiago", "+5691234567" + i));
    }
    ContactCallActivitiesImpl calls = calls(CL_TUESDAY);
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(batches);
    try {
      List<Future<AttemptPlan>> plans = new ArrayList<>();
      for (int i = 0; i < batches; i++) {
        int n = i;
        Callable<AttemptPlan> task = () -> {
          start.await();
          return calls.planAttempt(plan(batchIds.get(n), contacts.get(n), 1, 0, "CL"));
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
    UUID batch = batch("CL");
    long ana = contact(batch, 2, "7.654.321-6", "America/Santiago", "+56955555555");
    ContactCallActivitiesImpl calls = calls(CL_TUESDAY);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<AttemptPlan>> runs = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        runs.add(pool.submit(() -> {
          start.await();
          return calls.planAttempt(plan(batch, ana, 1, 0, "CL"));
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
    UUID batch = batch("CO");
    long luis = contact(batch, 2, "1.020.304.050", "America/Bogota", "+573001112233");
    long eva = contact(batch, 3, "52.111.222", "America/Bogota", "+573004445566");
    AttemptPlan call = calls(CO_TUESDAY).planAttempt(plan(batch, luis, 1, 0, "CO"));
    assertEquals(Decision.DIAL, call.decision());
    calls(CO_TUESDAY).recordOutcome(new AttemptOutcome(org, call.attemptId(), Disposition.NO_ANSWER, "no-answer",
        "done"));

    UUID wave = UUID.randomUUID();
    jdbi.useExtension(WaveDao.class, dao -> dao.insert(wave, org, "Not reached", "sms", "Hola {{name}}", null, null,
        batch, null, 60, null));
    RecordingMessaging messaging = new RecordingMessaging();
    MessageActivitiesImpl messages = new MessageActivitiesImpl(jdbi, messaging,
        new MessagingSettings("+14155550199", "+14155550198", "https://vocero.example.com"), new ObjectMapper(),
        CreditPrices.defaults(), Clock.fixed(CO_TUESDAY.plus(Duration.ofDays(2)), ZoneOffset.UTC));

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
    UUID batch = batch("CO");
    long luis = contact(batch, 2, "1.020.304.050", "America/Bogota", "+573001112233");
    AttemptPlan call = calls(CO_TUESDAY).planAttempt(plan(batch, luis, 1, 0, "CO"));
    calls(CO_TUESDAY).recordOutcome(new AttemptOutcome(org, call.attemptId(), Disposition.NO_ANSWER, "no-answer",
        "done"));
    UUID wave = UUID.randomUUID();
    jdbi.useExtension(WaveDao.class, dao -> dao.insert(wave, org, "Not reached", "sms", "Hola {{name}}", null, null,
        batch, null, 60, null));
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
    UUID batch = batch("CO");
    long luis = contact(batch, 2, "1.020.304.050", "America/Bogota", "+573001112233");
    AttemptPlan call = calls(CO_TUESDAY).planAttempt(plan(batch, luis, 1, 0, "CO"));
    calls(CO_TUESDAY).recordOutcome(new AttemptOutcome(org, call.attemptId(), Disposition.NO_ANSWER, "no-answer",
        "done"));
    UUID campaign = UUID.randomUUID();
    jdbi.useExtension(CampaignDao.class, dao -> dao.insert(campaign, org, "Marzo", LocalDate.parse("2026-03-02"),
        LocalDate.parse("2026-03-06"), List.of("MON", "TUE", "WED", "THU", "FRI"), LocalTime.of(8, 0),
        LocalTime.of(18, 0), "America/Bogota", 0, "{}", null));
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
      UUID batch = batch("CO");
      long luis = contact(batch, 2, "1.020.304.050", "America/Bogota", "+573001112233");
      contact(batch, 3, "52.111.222", "America/Bogota", "+573004445566");
      contact(batch, 4, "79.333.444", "America/Bogota", "+573007778899");
      ContactCallActivitiesImpl calls = new ContactCallActivitiesImpl(jdbi, new UnusedTelephony("planning"),
          new CallbackUrls("http://localhost:8080"), new ContactCallActivitiesImpl.TelephonyDefaults(null, false, null,
              30), serverClock);
      Instant beforeCall = serverClock.instant();
      AttemptPlan call = calls.planAttempt(plan(batch, luis, 1, 0, "CO"));
      calls.recordOutcome(new AttemptOutcome(org, call.attemptId(), Disposition.NO_ANSWER, "no-answer", "done"));
      Instant called = serverClock.instant();
      UUID wave = UUID.randomUUID();
      jdbi.useExtension(WaveDao.class, dao -> dao.insert(wave, org, "Not reached", "sms", "Hola {{name}}", null, null,
          batch, null, 60, null));
      TimedMessaging messaging = new TimedMessaging(env);
      MessageActivitiesImpl activities = new MessageActivitiesImpl(jdbi, messaging,
          new MessagingSettings("+14155550199", "+14155550198", "https://vocero.example.com"), new ObjectMapper(),
          CreditPrices.defaults(), serverClock);
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

  /** The messaging provider's side, with the server's time of each send. */
  private static final class TimedMessaging implements Messaging {
    private final TestWorkflowEnvironment env;
    final List<String> sentTo = new java.util.concurrent.CopyOnWriteArrayList<>();
    final List<Instant> sentAt = new java.util.concurrent.CopyOnWriteArrayList<>();

    TimedMessaging(TestWorkflowEnvironment env) {
      this.env = env;
    }

    @Override
    public String provider() {
      return "sandbox";
    }

    @Override
    public SentMessage send(MessageRequest request) {
      sentTo.add(request.to());
      sentAt.add(Instant.ofEpochMilli(env.currentTimeMillis()));
      return new SentMessage("SM" + request.messageId().toString().replace("-", ""), "queued");
    }

    @Override
    public Optional<SentMessage> findSent(MessageRequest request, Instant notBefore) {
      return Optional.empty();
    }
  }

  private MessageActivitiesImpl messages(RecordingMessaging messaging, Instant now) {
    return new MessageActivitiesImpl(jdbi, messaging,
        new MessagingSettings("+14155550199", "+14155550198", "https://vocero.example.com"), new ObjectMapper(),
        CreditPrices.defaults(), Clock.fixed(now, ZoneOffset.UTC));
  }

  private Map<String, Long> counts(UUID wave) {
    return jdbi.withExtension(MessageDao.class, dao -> dao.waveCounts(org, wave)).stream()
        .collect(java.util.stream.Collectors.toMap(c -> c.state() + ":" + c.errorCode(), MessageDao.StateCount::count));
  }

  @Test
  void givenAnOrganisationWithCustomDefaults_itShouldGateItsCustomBatchesWithThemUnlessTheBatchHasItsOwn() {
    jdbi.useExtension(OrganizationDao.class, dao -> dao.setCustomContactPolicy(org,
        "{\"callsPerWeek\":1}"));
    UUID first = batch("CUSTOM");
    UUID second = batch("CUSTOM");
    long ana = contact(first, 2, "1.020.304.050", "America/Bogota", "+573001112233");
    long anaAgain = contact(second, 2, "1020304050", "America/Bogota", "+573009998877");
    BatchSettings custom = new BatchSettings(1, 1, 3, Map.of(), "CUSTOM", List.of("MON-SUN 08:00-20:00"), 0, 60, 0);
    AttemptPlan plan = calls(CO_TUESDAY).planAttempt(new PlanRequest(org, first, ana, 1, 0, custom));
    calls(CO_TUESDAY).recordOutcome(new AttemptOutcome(org, plan.attemptId(), Disposition.NO_ANSWER, "no-answer",
        "done"));

    AttemptPlan again = calls(CO_TUESDAY.plus(Duration.ofHours(2)))
        .planAttempt(new PlanRequest(org, second, anaAgain, 1, 0, custom));

    assertEquals(Decision.DIAL, plan.decision());
    assertEquals(Decision.WAIT, again.decision(), again.reason());
    assertTrue(again.reason().endsWith("[org.calls-per-week]"), again.reason());
    List<PersonContactRow> history = jdbi.withExtension(PersonDao.class, dao -> dao.list(org, person(ana), 10, 0));
    assertEquals(List.of("CUSTOM@2026-12-07+org", "CUSTOM@2026-12-07+org"),
        history.stream().map(PersonContactRow::policy).toList());
  }

  @Test
  void givenCustomWindowBatches_itShouldGateThePersonWithVocerosDefaultLimits() {
    UUID first = batch("CUSTOM");
    UUID second = batch("CUSTOM");
    long ana = contact(first, 2, "1.020.304.050", "America/Bogota", "+573001112233");
    long anaAgain = contact(second, 2, "1020304050", "America/Bogota", "+573009998877");
    BatchSettings custom = new BatchSettings(1, 1, 3, Map.of(), "CUSTOM", List.of("MON-SUN 08:00-20:00"), 0, 60, 0);
    AttemptPlan plan = calls(CO_TUESDAY).planAttempt(new PlanRequest(org, first, ana, 1, 0, custom));
    assertEquals(Decision.DIAL, plan.decision());
    assertEquals("custom.hours", jdbi.withHandle(h -> h.createQuery("select rule_id from call_attempts where id = :a")
        .bind("a", plan.attemptId()).mapTo(String.class).one()));

    calls(CO_TUESDAY).recordOutcome(new AttemptOutcome(org, plan.attemptId(), Disposition.ANSWERED_HUMAN, "completed",
        "done"));
    AttemptPlan again = calls(CO_TUESDAY.plus(Duration.ofHours(2)))
        .planAttempt(new PlanRequest(org, second, anaAgain, 1, 0, custom));
    assertEquals(Decision.WAIT, again.decision(), again.reason());
    assertTrue(again.reason().endsWith("[custom.quiet-after-conversation]"), again.reason());
    assertEquals(CO_TUESDAY.plus(Duration.ofDays(7)).toEpochMilli(), again.notBeforeEpochMs());
    List<PersonContactRow> history = jdbi.withExtension(PersonDao.class, dao -> dao.list(org, person(ana), 10, 0));
    assertEquals(List.of("CUSTOM@2026-12-07", "CUSTOM@2026-12-07"),
        history.stream().map(PersonContactRow::policy).toList());
  }

  @Test
  void givenAChileanBatchWithAnOverrideOfTwoCallsAWeek_itShouldCallTwiceAndRecordTheOverride() {
    UUID batch = batch("CL");
    jdbi.useExtension(BatchDao.class, dao -> dao.setContactPolicy(org, batch, new PolicySettings(null, 2, null, null,
        null, null, null, new PolicySettings.Override("the debtor asked for a second call")).toJson()));
    long ana = contact(batch, 2, "11.111.112-K", "America/Santiago", "+56911111111", "+56922222222");
    ContactCallActivitiesImpl calls = calls(CL_TUESDAY);
    AttemptPlan first = calls.planAttempt(plan(batch, ana, 1, 0, "CL"));
    calls.recordOutcome(new AttemptOutcome(org, first.attemptId(), Disposition.NO_ANSWER, "no-answer", "next_number"));
    AttemptPlan second = calls.planAttempt(plan(batch, ana, 2, 1, "CL"));
    assertEquals(Decision.DIAL, second.decision(), second.reason());
    calls.recordOutcome(new AttemptOutcome(org, second.attemptId(), Disposition.NO_ANSWER, "no-answer", "retry"));
    AttemptPlan third = calls.planAttempt(plan(batch, ana, 3, 0, "CL"));
    assertEquals(Decision.WAIT, third.decision());
    assertTrue(third.reason().endsWith("[override.calls-per-week]"), third.reason());
    assertEquals("CL@2026-12-07+override", jdbi.withExtension(PersonDao.class, dao -> dao.list(org, person(ana), 1, 0))
        .get(0).policy());
  }

  @Test
  void givenAUsBatchTightenedToOneCallADay_itShouldHoldTheSecondCallUnderTheBatchRule() {
    UUID batch = batch("US");
    jdbi.useExtension(BatchDao.class, dao -> dao.setContactPolicy(org, batch, new PolicySettings(1, null, null, null,
        null, null, null, null).toJson()));
    long joe = contact(batch, 2, null, "America/New_York", "+12125550100", "+12125550101");
    Instant tuesday = Instant.parse("2026-03-03T15:00:00Z"); // 10:00 in New York
    ContactCallActivitiesImpl calls = calls(tuesday);
    AttemptPlan first = calls.planAttempt(plan(batch, joe, 1, 0, "US"));
    calls.recordOutcome(new AttemptOutcome(org, first.attemptId(), Disposition.NO_ANSWER, "no-answer", "next_number"));
    AttemptPlan second = calls.planAttempt(plan(batch, joe, 2, 1, "US"));
    assertEquals(Decision.WAIT, second.decision());
    assertTrue(second.reason().endsWith("[batch.calls-per-day]"), second.reason());
  }

  private String rule(UUID messageId) {
    return jdbi.withHandle(h -> h.createQuery("select rule_id from messages where id = :id").bind("id", messageId)
        .mapTo(String.class).one());
  }

  private long person(long contact) {
    return jdbi.withExtension(PersonDao.class, dao -> dao.personOf(org, contact)).orElseThrow();
  }

  private UUID batch(String jurisdiction) {
    UUID id = UUID.randomUUID();
    jdbi.useExtension(BatchDao.class, dao -> dao.insert(id, org, "B", "{\"jurisdiction\":\"" + jurisdiction + "\"}",
        "x.csv", "csv", 1, 1, 0, null));
    return id;
  }

  private long contact(UUID batch, int row, String document, String zone, String... phones) {
    Optional<PersonKey> key = PersonKey.of(document, Map.of());
    jdbi.useExtension(ContactDao.class, dao -> dao.insertAll(org, batch, List.of(new ContactDao.NewContact(row, "N",
        List.of(phones), null, null, zone, document, null, "{}", key.map(k -> k.kind().wire()).orElse(null),
        key.map(PersonKey::hash).orElse(null)))));
    jdbi.useExtension(PersonDao.class, dao -> dao.attachBatch(org, batch));
    return jdbi.withExtension(ContactDao.class, dao -> dao.idsAfter(org, batch, 0, 100)).stream()
        .reduce((a, b) -> b).orElseThrow();
  }

  private PlanRequest plan(UUID batch, long contact, int attempt, int phoneIndex, String jurisdiction) {
    return new PlanRequest(org, batch, contact, attempt, phoneIndex,
        new BatchSettings(1, 1, 3, Map.of("no_answer", 3600L), jurisdiction, List.of(), 0, 60, 0));
  }

  private ContactCallActivitiesImpl calls(Instant now) {
    return new ContactCallActivitiesImpl(jdbi, new UnusedTelephony("planning"), new CallbackUrls("http://localhost:8080"),
        new ContactCallActivitiesImpl.TelephonyDefaults(null, false, null, 30), Clock.fixed(now, ZoneOffset.UTC));
  }

  /** The messaging provider's side: what it was asked to send. */
  private static final class RecordingMessaging implements Messaging {
    final List<String> sentTo = new ArrayList<>();

    @Override
    public String provider() {
      return "sandbox";
    }

    @Override
    public SentMessage send(MessageRequest request) {
      sentTo.add(request.to());
      return new SentMessage("SM" + request.messageId().toString().replace("-", ""), "queued");
    }

    @Override
    public Optional<SentMessage> findSent(MessageRequest request, Instant notBefore) {
      return Optional.empty();
    }
  }

}
