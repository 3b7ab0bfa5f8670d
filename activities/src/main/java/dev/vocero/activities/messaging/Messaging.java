package dev.vocero.activities.messaging;

import java.time.Instant;
import java.util.Optional;

/** Sends SMS and WhatsApp messages with one provider. No Temporal types: activities wrap it. */
public interface Messaging {

  /** {@code twilio} or {@code sandbox}. */
  String provider();

  /** Hands the message to the provider; its progress arrives later at {@code request.statusCallbackUrl()}. */
  SentMessage send(MessageRequest request);

  /** Effectively-once support: the message this provider already took for this request since notBefore, if any. */
  Optional<SentMessage> findSent(MessageRequest request, Instant notBefore);
}
