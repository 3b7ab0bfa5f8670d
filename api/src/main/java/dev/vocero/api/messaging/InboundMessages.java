package dev.vocero.api.messaging;

import dev.vocero.domain.phones.PhoneNumbers;
import dev.vocero.store.SharedDaos;
import dev.vocero.store.calls.DncDao;
import dev.vocero.store.messaging.AutoReplyDao;
import dev.vocero.store.messaging.MessageDao;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An incoming SMS/WhatsApp message, stored in the conversation of the organization it was sent to (by its {@code To}
 * number, see {@code MessageDao.recipientsOf}); an opt-out keyword puts the sender on that organization's DNC list;
 * otherwise, when the organization has automatic replies on and no person took the conversation, its assistant
 * answers through an {@code InboundReplyWorkflow}. Stored first, answered second.
 */
final class InboundMessages {
  private static final Logger LOG = LoggerFactory.getLogger(InboundMessages.class);

  private final Jdbi jdbi;
  private final ConversationReplies replies;

  InboundMessages(Jdbi jdbi, ConversationReplies replies) {
    this.jdbi = jdbi;
    this.replies = replies;
  }

  /** An inbound message as Twilio reports it; {@code phone} and {@code to} without their "whatsapp:" prefix. */
  record Inbound(String sid, String channel, String phone, String to, String body) {}

  /** Stores the message for its recipients; returns how many organizations received it. */
  int receive(Inbound message, boolean optOut) {
    Map<UUID, UUID> answer = new LinkedHashMap<>(); // org → its copy of the message, for an automatic reply
    List<UUID> orgs = jdbi.inTransaction(handle -> {
      MessageDao messages = SharedDaos.attach(handle, MessageDao.class);
      List<UUID> recipients = messages.recipientsOf(message.phone(), message.to());
      for (UUID orgId : recipients) {
        UUID id = UUID.nameUUIDFromBytes(("inbound:" + message.sid() + ":" + orgId).getBytes(StandardCharsets.UTF_8));
        messages.insertInbound(id, orgId, messages.lastContact(orgId, message.phone()).orElse(null), message.phone(),
            message.channel(), message.body(), "twilio", message.sid() + ":" + orgId);
        if (optOut) {
          SharedDaos.attach(handle, DncDao.class).add(orgId, message.phone(), "opt-out reply by " + message.channel(),
              message.channel() + "_opt_out");
        } else if (SharedDaos.attach(handle, AutoReplyDao.class).enabled(orgId) && !messages.takenOver(orgId, message.phone())) {
          answer.put(orgId, id);
        }
      }
      return recipients;
    });
    LOG.info("Incoming {} message from {} for {} organisation(s), optOut={}", message.channel(),
        PhoneNumbers.mask(message.phone()), orgs.size(), optOut);
    answer.forEach(this::startReply);
    return orgs.size();
  }

  /**
   * When Temporal cannot be reached the message stays in its conversation unanswered, and the customer's next message
   * (whose reply sees the whole conversation) or Twilio's redelivery starts it again.
   */
  private void startReply(UUID orgId, UUID messageId) {
    try {
      replies.startAutomatic(orgId, messageId);
    } catch (RuntimeException e) {
      LOG.warn("Automatic reply to inbound message {} not started ({}); it stays unanswered until the next message",
          messageId, e.getClass().getSimpleName());
    }
  }
}
