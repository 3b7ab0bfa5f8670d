package dev.vocero.workflows.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vocero.workflows.messaging.MessageActivities.Outcome;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MessageWaveWorkflowTest {
  private static final UUID ORG = UUID.fromString("00000000-0000-0000-0000-00000000000a");
  private static final UUID WAVE = UUID.fromString("00000000-0000-0000-0000-0000000000f1");

  @RegisterExtension
  final TestWorkflowExtension temporal = TestWorkflowExtension.newBuilder().setDoNotStart(true).build();

  private TestWorkflowEnvironment env;
  private FakeMessenger messenger;
  private MessageWaveWorkflow wave;

  @BeforeEach
  void setUp(TestWorkflowEnvironment env) {
    this.env = env;
    messenger = new FakeMessenger(env);
    wave = messenger.startWave(WAVE);
  }

  private WaveProgress result() {
    return WorkflowStub.fromTyped(wave).getResult(WaveProgress.class);
  }

  @Test
  void givenAContactThePolicyAllowsInTwoDays_whenTheWaveReachesIt_itShouldWaitAndSendItThen() {
    long start = env.currentTimeMillis();
    long allowed = start + Duration.ofDays(2).toMillis();
    messenger.contacts(1, 5).allowedFrom(2, allowed);

    WorkflowClient.start(wave::run, WaveInput.first(ORG, WAVE, 60));
    env.sleep(Duration.ofMinutes(10));
    WaveProgress meanwhile = wave.progress();
    WaveProgress done = result();

    assertEquals(new WaveProgress(WaveStatus.RUNNING, 4, 0, 0, 5, 60, null, 1), meanwhile);
    assertEquals(new WaveProgress(WaveStatus.COMPLETED, 5, 0, 0, 5, 60, null, 0), done);
    List<FakeMessenger.Try> toTwo = messenger.tries.stream().filter(t -> t.contactId() == 2).toList();
    assertEquals(2, toTwo.size(), "asked once, deferred, sent once its time came");
    assertTrue(toTwo.get(1).atMillis() >= allowed, "not before the policy allows it");
    assertTrue(toTwo.get(1).atMillis() < allowed + Duration.ofMinutes(5).toMillis(), "and soon after");
  }

  @Test
  void givenWaitsAcrossPages_whenTheWaveContinuesAsNew_itShouldCarryTheDeferredAndSendEachOnce() {
    long start = env.currentTimeMillis();
    messenger.contacts(1, 250).allowedFrom(3, start + Duration.ofMinutes(2).toMillis())
        .allowedFrom(150, start + Duration.ofHours(3).toMillis())
        .allowedFrom(240, start + Duration.ofDays(1).toMillis());

    WorkflowClient.start(wave::run, WaveInput.first(ORG, WAVE, 600));
    WaveProgress done = result();

    assertEquals(new WaveProgress(WaveStatus.COMPLETED, 250, 0, 0, 250, 600, null, 0), done);
    assertEquals(253, messenger.tries.size(), "three contacts asked twice");
    assertTrue(messenger.pages.get() >= 2, "a second page after continue-as-new");
    FakeMessenger.Try three = messenger.tries.stream().filter(t -> t.contactId() == 3).toList().get(1);
    FakeMessenger.Try last = messenger.tries.get(messenger.tries.size() - 1);
    assertTrue(three.atMillis() >= start + Duration.ofMinutes(2).toMillis());
    assertTrue(three.atMillis() < start + Duration.ofMinutes(3).toMillis(), "sent between the page's contacts");
    assertEquals(240, last.contactId(), "the last one waits a day after the last page");
    assertTrue(last.atMillis() >= start + Duration.ofDays(1).toMillis());
  }

  @Test
  void givenAWaitingContact_whenTheWaveIsCancelled_itShouldEndWithoutSendingIt() {
    messenger.contacts(1, 3).allowedFrom(3, env.currentTimeMillis() + Duration.ofDays(3).toMillis());

    WorkflowClient.start(wave::run, WaveInput.first(ORG, WAVE, 60));
    env.sleep(Duration.ofHours(1));
    wave.cancel("operator");
    WaveProgress done = result();

    assertEquals(WaveStatus.CANCELLED, done.status());
    assertEquals(2, done.sent());
    assertEquals(1, done.waiting());
    assertEquals(1, messenger.sent(3), "asked once, never again");
    assertEquals(WaveStatus.CANCELLED, messenger.recorded.get(messenger.recorded.size() - 1).status());
  }

  @Test
  void givenMoreContactsThanAPage_whenTheWaveRuns_itShouldSendEachOnceAtThePaceAndSkipDnc() {
    messenger.contacts(1, 250).outcome(7, Outcome.SKIPPED_DNC).outcome(220, Outcome.SKIPPED_DNC);

    WorkflowClient.start(wave::run, WaveInput.first(ORG, WAVE, 120));
    WaveProgress done = result();

    assertEquals(new WaveProgress(WaveStatus.COMPLETED, 248, 2, 0, 250, 120, null), done);
    assertEquals(250, messenger.tries.size());
    assertEquals(250, messenger.tries.stream().map(FakeMessenger.Try::contactId).distinct().count());
    for (int i = 1; i < messenger.tries.size(); i++) {
      long gap = messenger.tries.get(i).atMillis() - messenger.tries.get(i - 1).atMillis();
      assertTrue(gap >= 500, "120 per minute means at least 500 ms between sends, was " + gap);
    }
    assertTrue(messenger.pages.get() >= 2, "a second page after continue-as-new");
    assertEquals(WaveStatus.COMPLETED, messenger.recorded.get(messenger.recorded.size() - 1).status());
  }

  @Test
  void givenAnOutageAndARefusal_whenSending_itShouldRetryTheOutageBoundedAndTheRefusalNever() {
    messenger.contacts(1, 4).failing(id -> id == 2 ? FakeMessenger.retryable()
        : id == 3 ? FakeMessenger.rejected() : null);

    WorkflowClient.start(wave::run, WaveInput.first(ORG, WAVE, 600));
    WaveProgress done = result();

    assertEquals(2, done.sent());
    assertEquals(2, done.failed());
    assertEquals(MessageActivityOptions.SEND_ATTEMPTS, messenger.sent(2));
    assertEquals(1, messenger.sent(3));
    assertEquals(List.of("MessagingRetryable", MessageFailure.MESSAGE_REJECTED.type()),
        messenger.failures.stream().map(MessageActivities.SendFailure::errorCode).toList());
  }

  @Test
  void givenARunningWave_whenPausedResumedAndCancelled_itShouldStopSendingWhilePausedAndEndCancelled() {
    messenger.contacts(1, 100);
    WorkflowClient.start(wave::run, WaveInput.first(ORG, WAVE, 60));
    env.sleep(Duration.ofSeconds(10));

    WaveProgress paused = wave.pause();
    assertEquals(WaveStatus.PAUSED, paused.status());
    assertThrows(WorkflowUpdateException.class, wave::pause);
    env.sleep(Duration.ofSeconds(1)); // a send already under way when the pause arrived may finish
    int atPause = messenger.tries.size();
    env.sleep(Duration.ofHours(1));
    assertEquals(atPause, messenger.tries.size(), "nothing is sent while paused");
    assertEquals(WaveStatus.PAUSED, wave.progress().status());

    assertEquals(WaveStatus.RUNNING, wave.resume().status());
    env.sleep(Duration.ofSeconds(10));
    assertTrue(messenger.tries.size() > atPause, "sending goes on after resume");
    wave.cancel("operator");
    WaveProgress done = result();

    assertEquals(WaveStatus.CANCELLED, done.status());
    assertTrue(done.sent() < 100);
    assertEquals(done.sent(), messenger.tries.size());
    assertEquals(List.of(WaveStatus.PAUSED, WaveStatus.RUNNING, WaveStatus.CANCELLED),
        messenger.recorded.stream().map(WaveProgress::status).toList());
  }

  @Test
  void givenCreditForFourMessages_whenItRunsOutMidWave_itShouldPauseWithNoCreditAndFinishAfterTopUpAndResume() {
    messenger.contacts(1, 10).credits(4);
    WorkflowClient.start(wave::run, WaveInput.first(ORG, WAVE, 600));
    env.sleep(Duration.ofMinutes(1));

    WaveProgress paused = wave.progress();
    assertEquals(new WaveProgress(WaveStatus.PAUSED, 4, 0, 0, 4, 600, WaveProgress.NO_CREDIT), paused);
    assertEquals(List.of(5L), messenger.refusedForCredit, "contact 5 was refused and not sent");
    env.sleep(Duration.ofHours(1));
    assertEquals(4, messenger.tries.size(), "nothing is sent while out of credit");
    WaveProgress recordedPause = messenger.recorded.get(messenger.recorded.size() - 1);
    assertEquals(WaveProgress.NO_CREDIT, recordedPause.pauseReason(), "the pause and its reason reach PostgreSQL");

    messenger.topUp(100);
    WaveProgress resumed = wave.resume();
    assertEquals(WaveStatus.RUNNING, resumed.status());
    assertEquals(null, resumed.pauseReason());
    WaveProgress done = result();

    assertEquals(new WaveProgress(WaveStatus.COMPLETED, 10, 0, 0, 10, 600, null), done);
    assertEquals(LongStream.rangeClosed(1, 10).boxed().toList(),
        messenger.tries.stream().map(FakeMessenger.Try::contactId).toList(), "every contact exactly once, in order");
    assertEquals(List.of(WaveStatus.PAUSED, WaveStatus.RUNNING, WaveStatus.COMPLETED),
        messenger.recorded.stream().map(WaveProgress::status).toList());
  }

  @Test
  void givenAWavePausedForCredit_whenCancelled_itShouldEndCancelledWithoutSendingTheRefusedContact() {
    messenger.contacts(1, 3).credits(1);
    WorkflowClient.start(wave::run, WaveInput.first(ORG, WAVE, 600));
    env.sleep(Duration.ofMinutes(1));
    assertEquals(WaveProgress.NO_CREDIT, wave.progress().pauseReason());

    wave.cancel("operator");
    WaveProgress done = result();

    assertEquals(WaveStatus.CANCELLED, done.status());
    assertEquals(1, done.sent());
    assertEquals(List.of(1L), messenger.tries.stream().map(FakeMessenger.Try::contactId).toList());
    assertEquals(List.of(new MessageActivities.SendFailure(ORG, WAVE, 2, MessageActivities.WAVE_CANCELLED)),
        messenger.failures, "the message left pending for credit is marked cancelled");
  }
}
