package dev.vocero.workflows.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vocero.workflows.messaging.MessageActivities.Outcome;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Rewrites the stored wave histories; run only on purpose: {@code -Dvocero.recordHistories=true}. */
@EnabledIfSystemProperty(named = "vocero.recordHistories", matches = "true")
class MessageWaveHistoryRecorderTest {
  private static final Path HISTORIES = Path.of("src/test/resources/histories");
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

  /** Five contacts, one on the DNC list, one refused, a pause and a resume in between. */
  @Test
  void givenAWaveWithASkipARefusalAndAPause_whenRecorded_itShouldStoreItsHistory() throws IOException {
    messenger.contacts(1, 5).outcome(2, Outcome.SKIPPED_DNC).failing(id -> id == 4 ? FakeMessenger.rejected() : null);
    WorkflowClient.start(wave::run, WaveInput.first(ORG, WAVE, 60));
    env.sleep(Duration.ofMillis(1500));
    wave.pause();
    env.sleep(Duration.ofHours(1));
    wave.resume();

    WaveProgress done = WorkflowStub.fromTyped(wave).getResult(WaveProgress.class);

    assertEquals(WaveStatus.COMPLETED, done.status());
    assertEquals(5, done.sent() + done.skipped() + done.failed());
    store("message-wave.json", MessagingIds.waveWorkflowId(WAVE));
  }

  /** Credit for one message; the second contact is refused, the wave pauses, top-up, resume. */
  @Test
  void givenCreditForOneMessage_whenRecorded_itShouldStoreThePauseForCreditAndTheResume() throws IOException {
    messenger.contacts(1, 3).credits(1);
    WorkflowClient.start(wave::run, WaveInput.first(ORG, WAVE, 60));
    env.sleep(Duration.ofMinutes(1));
    assertEquals(WaveProgress.NO_CREDIT, wave.progress().pauseReason());
    messenger.topUp(10);
    wave.resume();

    WaveProgress done = WorkflowStub.fromTyped(wave).getResult(WaveProgress.class);

    assertEquals(3, done.sent());
    store("message-wave-credits.json", MessagingIds.waveWorkflowId(WAVE));
  }

  /** Three contacts; the policy allows the second only a day later: deferred, the third sent, a timer, then it. */
  @Test
  void givenAContactThePolicyAllowsLater_whenRecorded_itShouldStoreTheWaitAndTheLaterSend() throws IOException {
    messenger.contacts(1, 3).allowedFrom(2, env.currentTimeMillis() + Duration.ofDays(1).toMillis());
    WorkflowClient.start(wave::run, WaveInput.first(ORG, WAVE, 60));

    WaveProgress done = WorkflowStub.fromTyped(wave).getResult(WaveProgress.class);

    assertEquals(3, done.sent());
    assertEquals(0, done.waiting());
    store("message-wave-policy-wait.json", MessagingIds.waveWorkflowId(WAVE));
  }

  private void store(String name, String workflowId) throws IOException {
    Files.createDirectories(HISTORIES);
    Files.writeString(HISTORIES.resolve(name), env.getWorkflowClient().fetchHistory(workflowId).toJson(true));
  }
}
