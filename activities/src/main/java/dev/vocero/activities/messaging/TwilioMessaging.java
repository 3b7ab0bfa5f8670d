package dev.vocero.activities.messaging;

import com.twilio.exception.ApiException;
import com.twilio.exception.TwilioException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.type.PhoneNumber;
import dev.vocero.activities.telephony.TwilioHttp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** SMS and WhatsApp through Twilio Programmable Messaging (twilio-java 13). */
public class TwilioMessaging implements Messaging {
  private static final Logger LOG = LoggerFactory.getLogger(TwilioMessaging.class);

  private final TwilioRestClient client;

  public TwilioMessaging(TwilioRestClient client) {
    this.client = client;
  }

  /** The real client against api.twilio.com, without the SDK's hidden retries (the activity retries). */
  public static TwilioMessaging create(String accountSid, String authToken) {
    return new TwilioMessaging(TwilioHttp.restClient(accountSid, authToken, HttpClientBuilder.create()));
  }

  @Override
  public String provider() {
    return "twilio";
  }

  @Override
  public SentMessage send(MessageRequest request) {
    Objects.requireNonNull(request.from(), "no sender: set messaging.smsFrom / messaging.whatsappFrom");
    MessageCreator creator = Message.creator(new PhoneNumber(request.address(request.to())),
        new PhoneNumber(request.address(request.from())), request.body());
    if (request.contentSid() != null) {
      creator.setContentSid(request.contentSid());
      if (request.contentVariables() != null) {
        creator.setContentVariables(request.contentVariables());
      }
    }
    if (request.statusCallbackUrl() != null) {
      creator.setStatusCallback(request.statusCallbackUrl());
    }
    try {
      Message message = creator.create(client);
      LOG.info("messaging provider=twilio step=create messageId={} messageSid={} status={}", request.messageId(),
          message.getSid(), status(message));
      return new SentMessage(message.getSid(), status(message), segments(message));
    } catch (TwilioException e) {
      throw TwilioMessagingErrors.map(e);
    }
  }

  /**
   * The newest message to this address created since {@code notBefore} (with the same body when there is one): a
   * wave sends one message per contact, so a retry's earlier try is the only candidate.
   */
  @Override
  public Optional<SentMessage> findSent(MessageRequest request, Instant notBefore) {
    try {
      Iterable<Message> recent = Message.reader().setTo(request.address(request.to())).limit(20).read(client);
      Instant sameSecond = notBefore.truncatedTo(ChronoUnit.SECONDS); // Twilio dates messages in whole seconds
      return StreamSupport.stream(recent.spliterator(), false)
          .filter(m -> m.getDateCreated() == null || !m.getDateCreated().toInstant().isBefore(sameSecond))
          .filter(m -> request.body() == null || request.contentSid() != null || request.body().equals(m.getBody()))
          .max(Comparator.comparing(m -> m.getDateCreated() == null ? Instant.MAX : m.getDateCreated().toInstant()))
          .map(m -> new SentMessage(m.getSid(), status(m), segments(m)));
    } catch (ApiException e) {
      throw TwilioMessagingErrors.map(e);
    }
  }

  private static Integer segments(Message message) {
    try {
      return message.getNumSegments() == null ? null : Integer.valueOf(message.getNumSegments().trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String status(Message message) {
    return message.getStatus() == null ? null : message.getStatus().toString();
  }
}
