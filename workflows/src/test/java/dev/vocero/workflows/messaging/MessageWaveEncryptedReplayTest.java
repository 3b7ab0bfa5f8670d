package dev.vocero.workflows.messaging;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vocero.workflows.codec.EncryptionCodec;
import dev.vocero.workflows.codec.HistoryPayloads;
import dev.vocero.workflows.codec.ReplayThroughCodec;
import dev.vocero.workflows.messaging.MessageActivities.Outcome;
import io.temporal.api.common.v1.Payload;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.testing.WorkflowReplayer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A wave run with the production codec: its history holds only ciphertext and replays only through the codec. */
class MessageWaveEncryptedReplayTest {
  private static final UUID ORG = UUID.fromString("00000000-0000-0000-0000-00000000000a");
  private static final UUID WAVE = UUID.fromString("00000000-0000-0000-0000-0000000000f2");

  @RegisterExtension
  final TestWorkflowExtension temporal = TestWorkflowExtension.newBuilder()
      .setWorkflowClientOptions(ReplayThroughCodec.clientOptions()).setDoNotStart(true).build();

  private TestWorkflowEnvironment env;
  private FakeMessenger messenger;
  private MessageWaveWorkflow wave;

  @BeforeEach
  void setUp(TestWorkflowEnvironment env) {
    this.env = env;
    messenger = new FakeMessenger(env);
    wave = messenger.startWave(WAVE);
  }

  @Test
  void givenAnEncryptedHistory_whenReplayed_itShouldReplayThroughTheCodecOnly() throws Exception {
    messenger.contacts(1, 4).outcome(2, Outcome.SKIPPED_DNC).failing(id -> id == 3 ? FakeMessenger.rejected() : null);
    WorkflowClient.start(wave::run, WaveInput.first(ORG, WAVE, 60));
    env.sleep(Duration.ofMillis(1500));
    wave.pause();
    env.sleep(Duration.ofMinutes(5));
    wave.resume();
    assertEquals(WaveStatus.COMPLETED, WorkflowStub.fromTyped(wave).getResult(WaveProgress.class).status());

    WorkflowExecutionHistory history = env.getWorkflowClient().fetchHistory(MessagingIds.waveWorkflowId(WAVE));
    List<Payload> payloads = HistoryPayloads.of(history.getHistory());
    assertTrue(payloads.size() > 10, "inputs, results, signals and the refusal's details: " + payloads.size());
    assertTrue(payloads.stream().allMatch(EncryptionCodec::isEncrypted), "every payload in the history is encrypted");
    String json = history.toJson(false);
    assertFalse(json.contains("error 21211"), "the refusal's message is encrypted with the failure's attributes");

    assertDoesNotThrow(() -> ReplayThroughCodec.history(history, MessageWaveWorkflowImpl.class));
    assertThrows(Exception.class, () -> WorkflowReplayer.replayWorkflowExecution(history, MessageWaveWorkflowImpl.class),
        "a replayer without the codec cannot read the inputs");
    String decoded = new String(ReplayThroughCodec.CODEC.decode(payloads).get(0).getData().toByteArray(),
        StandardCharsets.UTF_8);
    assertTrue(decoded.contains(WAVE.toString()), decoded);
  }
}
