package dev.vocero.workflows.messaging;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Workflow and message IDs of the messaging feature. */
public final class MessagingIds {
  public static final String WAVE_KIND = "wave";
  public static final String REPLY_KIND = "inbound-reply";
  public static final String OPERATOR_KIND = "operator-message";

  private MessagingIds() {}

  public static String waveWorkflowId(UUID waveId) {
    return "wave:" + waveId;
  }

  /** Deterministic: a retried send for the same wave and contact finds the message it already recorded. */
  public static UUID outboundMessageId(UUID waveId, long contactId) {
    return UUID.nameUUIDFromBytes(("wave:" + waveId + ":" + contactId).getBytes(StandardCharsets.UTF_8));
  }

  /** One reply workflow per stored inbound message: Twilio re-delivering the webhook starts nothing new. */
  public static String inboundReplyWorkflowId(UUID inboundMessageId) {
    return "inbound-reply:" + inboundMessageId;
  }

  /** Deterministic: a retried reply finds the message it already recorded. */
  public static UUID replyMessageId(UUID inboundMessageId) {
    return UUID.nameUUIDFromBytes(("reply:" + inboundMessageId).getBytes(StandardCharsets.UTF_8));
  }

  public static String operatorMessageWorkflowId(UUID messageId) {
    return "operator-message:" + messageId;
  }
}
