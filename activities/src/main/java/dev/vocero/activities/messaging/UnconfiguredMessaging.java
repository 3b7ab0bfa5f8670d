package dev.vocero.activities.messaging;

import java.time.Instant;
import java.util.Optional;

/** Outside {@code dev} without Twilio credentials: every message is refused for good, saying what to configure. */
public final class UnconfiguredMessaging implements Messaging {
  static final String CODE = "messaging_not_configured";

  @Override
  public String provider() {
    return "none";
  }

  @Override
  public SentMessage send(MessageRequest request) {
    throw new MessagingException(MessagingException.Kind.REJECTED, CODE,
        "SMS and WhatsApp are sent through Twilio: set TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN", null);
  }

  @Override
  public Optional<SentMessage> findSent(MessageRequest request, Instant notBefore) {
    return Optional.empty();
  }
}
