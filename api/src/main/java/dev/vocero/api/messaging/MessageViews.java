package dev.vocero.api.messaging;

import dev.vocero.domain.phones.PhoneNumbers;
import dev.vocero.store.messaging.MessageDao;
import dev.vocero.store.messaging.MessageRow;
import dev.vocero.store.messaging.WaveRow;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** What the messaging endpoints return; phone numbers always masked. */
public final class MessageViews {
  private MessageViews() {}

  /**
   * {@code automatic}: written by the organisation's assistant (an automatic reply). {@code ruleId}: the contact
   * policy rule that allowed a wave's message or held it back (error {@code policy}); null without a policy.
   */
  public record Message(UUID id, UUID waveId, Long contactId, String phone, String channel, String direction,
      String body, String contentSid, String state, String errorCode, boolean automatic, Instant createdAt,
      Instant updatedAt, String ruleId) {

    static Message of(MessageRow row) {
      return new Message(row.id(), row.waveId(), row.contactId(), PhoneNumbers.mask(row.phoneE164()), row.channel(),
          row.direction(), row.body(), row.contentSid(), row.state(), row.errorCode(), row.automatic(), row.createdAt(),
          row.updatedAt(), row.ruleId());
    }
  }


  /**
   * {@code counts}: messages by state, with skipped ones as {@code skipped_dnc}, {@code skipped_takeover}... and those
   * the contact policy allows later in the wave as {@code waiting};
   * {@code pauseReason}: why a paused wave paused itself ({@code no_credit}), else null.
   */
  public record Wave(UUID id, String name, String channel, String status, String pauseReason, UUID batchId,
      String disposition, int perMinute, Map<String, Long> counts, Instant createdAt, Instant completedAt) {

    static Wave of(WaveRow row, List<MessageDao.StateCount> counts) {
      return new Wave(row.id(), row.name(), row.channel(), row.status(), row.pauseReason(), row.sourceBatchId(),
          row.disposition(), row.perMinute(), byState(counts), row.createdAt(), row.completedAt());
    }
  }

  /**
   * A wave's messages by state: skipped ones as {@code skipped_<error>}, those the contact policy defers as
   * {@code waiting}. The wave's endpoint and its campaign's both answer this.
   */
  public static Map<String, Long> byState(List<MessageDao.StateCount> counts) {
    Map<String, Long> byState = new TreeMap<>();
    for (MessageDao.StateCount c : counts) {
      String key = "cancelled".equals(c.state()) && c.errorCode() != null ? "skipped_" + c.errorCode()
          : MessageDao.POLICY_WAIT.equals(c.errorCode()) ? "waiting" : c.state();
      byState.merge(key, c.count(), Long::sum);
    }
    return byState;
  }

  /**
   * {@code takeoverReason}: {@code operator}, {@code requested_by_customer} (a handoff keyword) or
   * {@code requested_by_assistant} (the assistant handed off); null while the assistant and waves may write.
   */
  public record Conversation(String phone, boolean takenOver, String takeoverReason, Instant takenAt,
      List<Message> messages) {}
}
