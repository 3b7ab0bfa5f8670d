package dev.vocero.activities.messaging;

import dev.vocero.store.SharedDaos;
import dev.vocero.workflows.messaging.MessageFailure;
import dev.vocero.activities.telephony.ProviderBackoff;
import dev.vocero.store.accounts.OrganizationNumberDao;
import dev.vocero.credits.MessageCredits;
import dev.vocero.store.messaging.MessageDao;
import dev.vocero.store.messaging.MessageRow;
import dev.vocero.store.messaging.MessageStates;
import io.temporal.failure.ApplicationFailure;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands a recorded outbound message to the provider effectively once: a message tried before is first looked up at the
 * provider (the earlier try may have timed out after it was taken) instead of being sent again. Used by waves and by
 * automatic replies. The provider's segment count replaces ours (it is what it bills); a message it refuses gives back
 * the credits held for it, if any.
 */
public final class OutboundSender {
  private static final Logger LOG = LoggerFactory.getLogger(OutboundSender.class);

  private final Jdbi jdbi;
  private final Messaging messaging;
  private final MessagingSettings settings;
  private final MessageCredits credits;

  public OutboundSender(Jdbi jdbi, Messaging messaging, MessagingSettings settings, MessageCredits credits) {
    this.jdbi = jdbi;
    this.messaging = messaging;
    this.settings = settings;
    this.credits = java.util.Objects.requireNonNull(credits, "credits");
  }

  /**
   * Sends a pending or processing message and stores the provider's sid.
   *
   * @throws ApplicationFailure {@link MessageFailure#MESSAGE_REJECTED} (non-retryable) when the provider refuses it
   *     for good, or a retryable one on an outage
   */
  public void send(MessageRow message) {
    String from = SharedDaos.of(jdbi).with(OrganizationNumberDao.class, dao -> dao.sender(message.orgId()))
        .orElse(settings.from(message.channel())); // the organization's own number, else the shared default
    MessageRequest outbound = new MessageRequest(message.id(), message.channel(), message.phoneE164(), from, message.body(), message.contentSid(), message.contentVariables(),
        settings.statusCallback(message.id()));
    SharedDaos.of(jdbi).use(MessageDao.class, dao -> dao.markProcessing(message.id()));
    SentMessage sent = (message.sendAttempts() > 0 ? messaging.findSent(outbound, message.createdAt())
        : Optional.<SentMessage>empty()).orElseGet(() -> deliver(outbound, message));
    String state = Optional.ofNullable(MessageStates.fromTwilio(sent.status())).orElse("processing");
    jdbi.useTransaction(handle -> {
      MessageDao dao = SharedDaos.attach(handle, MessageDao.class);
      dao.markAccepted(message.id(), messaging.provider(), sent.sid(), state);
      if (MessageRequest.SMS.equals(message.channel()) && sent.segments() != null && sent.segments() > 0) {
        dao.setSegments(message.id(), sent.segments()); // the provider's count is what it bills
      }
    });
    LOG.info("Message {} handed to {} as {}", message.id(), messaging.provider(), sent.sid());
  }

  private SentMessage deliver(MessageRequest request, MessageRow message) {
    try {
      return messaging.send(request);
    } catch (MessagingException e) {
      if (e.kind() == MessagingException.Kind.REJECTED) {
        SharedDaos.of(jdbi).use(MessageDao.class, dao -> dao.advance(request.messageId(), "failed",
            e.errorCode() == null ? "rejected" : e.errorCode()));
        credits.release(message, "refused by the provider" + (e.errorCode() == null ? "" : " (" + e.errorCode() + ")"));
        throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), MessageFailure.MESSAGE_REJECTED.type());
      }
      throw ApplicationFailure.newBuilder().setMessage(e.getMessage()).setType("MessagingRetryable")
          .setNextRetryDelay(ProviderBackoff.nextRetryDelay(e.retryAfter())).build();
    }
  }
}
