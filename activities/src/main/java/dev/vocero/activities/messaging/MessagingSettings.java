package dev.vocero.activities.messaging;

import java.net.URI;
import java.util.UUID;

/** Sender numbers and where the provider reports a message's progress. */
public record MessagingSettings(String smsFrom, String whatsappFrom, String publicBaseUrl) {

  public String from(String channel) {
    return MessageRequest.WHATSAPP.equals(channel) ? whatsappFrom : smsFrom;
  }

  /** The status callback of one message; the id lets the webhook find it before the provider's sid is stored. */
  public URI statusCallback(UUID messageId) {
    String base = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
    return URI.create(base + "/webhooks/twilio/messaging/status?messageId=" + messageId);
  }
}
