package dev.vocero.workflows.messaging;

import io.temporal.activity.ActivityInterface;
import java.util.List;
import java.util.UUID;

/** The steps of a message wave: page recipients, send one message effectively once, record the wave's state. */
@ActivityInterface(namePrefix = "Messages")
public interface MessageActivities {

  /** {@link SendFailure} code of a message left unsent because its wave was cancelled while waiting for credit. */
  String WAVE_CANCELLED = "WaveCancelled";

  record RecipientRequest(UUID orgId, UUID waveId, long afterContactId, int limit) {}

  record RecipientPage(List<Long> contactIds) {}

  /**
   * Sending holds the message's price on the organization's credits first. {@code mayWait}: the wave defers a contact
   * the policy allows later ({@link Outcome#WAITING}); false (runs started before that) skips it as before.
   */
  record SendRequest(UUID orgId, UUID waveId, long contactId, boolean mayWait) {

    public SendRequest(UUID orgId, UUID waveId, long contactId) {
      this(orgId, waveId, contactId, false);
    }
  }

  /**
   * NO_CREDIT: not sent because the organization's credits cannot cover it; the message stays pending. SKIPPED_POLICY:
   * the person's contact policy blocks it (the rule is on the message); counted as skipped. WAITING: the policy allows it
   * at {@code notBeforeMillis}, before the wave's deadline; the message stays pending until the wave sends it again.
   */
  enum Outcome { SENT, SKIPPED_DNC, SKIPPED_TAKEOVER, SKIPPED_NO_PHONE, FAILED, NO_CREDIT, SKIPPED_POLICY, WAITING }

  /** {@code notBeforeMillis}: when a {@link Outcome#WAITING} message may be sent (epoch ms), else 0. */
  record SendResult(Outcome outcome, UUID messageId, String errorCode, long notBeforeMillis) {

    public SendResult(Outcome outcome, UUID messageId, String errorCode) {
      this(outcome, messageId, errorCode, 0);
    }
  }

  /** Why a send gave up, recorded on its message. */
  record SendFailure(UUID orgId, UUID waveId, long contactId, String errorCode) {}

  record WaveStatusChange(UUID orgId, UUID waveId, WaveProgress progress) {}

  RecipientPage recipients(RecipientRequest request);

  /**
   * Skips DNC numbers; records the message before sending; holds its price on the credits (once per message, even when
   * retried); a retry finds the provider's message instead of re-sending.
   */
  SendResult send(SendRequest request);

  /**
   * Marks the contact's message failed after its last try, or cancelled ({@link #WAVE_CANCELLED}) when it was never
   * sent; nothing happens if the provider already has it. Its credit hold, if any, is released.
   */
  void recordFailure(SendFailure failure);

  void recordWave(WaveStatusChange change);
}
