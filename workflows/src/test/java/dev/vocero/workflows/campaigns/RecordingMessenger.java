package dev.vocero.workflows.campaigns;

import dev.vocero.workflows.messaging.MessageActivities;
import io.temporal.testing.TestWorkflowEnvironment;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Message activities for campaign tests: each wave's recipients are given; every send is recorded with its time. */
final class RecordingMessenger implements MessageActivities {
  record Sent(UUID waveId, long contactId, long atMillis) {}

  private final TestWorkflowEnvironment env;
  private final Map<UUID, List<Long>> recipients = new ConcurrentHashMap<>();
  final List<Sent> sent = new CopyOnWriteArrayList<>();

  RecordingMessenger(TestWorkflowEnvironment env) {
    this.env = env;
  }

  RecordingMessenger recipients(UUID waveId, long firstContactId, int count) {
    List<Long> ids = new CopyOnWriteArrayList<>();
    for (long id = firstContactId; id < firstContactId + count; id++) {
      ids.add(id);
    }
    recipients.put(waveId, ids);
    return this;
  }

  List<Sent> sentBy(UUID waveId) {
    return sent.stream().filter(s -> s.waveId().equals(waveId)).toList();
  }

  @Override
  public RecipientPage recipients(RecipientRequest request) {
    return new RecipientPage(recipients.getOrDefault(request.waveId(), List.of()).stream()
        .filter(id -> id > request.afterContactId()).limit(request.limit()).toList());
  }

  @Override
  public SendResult send(SendRequest request) {
    sent.add(new Sent(request.waveId(), request.contactId(), env.currentTimeMillis()));
    return new SendResult(Outcome.SENT, UUID.randomUUID(), null);
  }

  @Override
  public void recordFailure(SendFailure failure) {}

  @Override
  public void recordWave(WaveStatusChange change) {}
}
