package dev.vocero.activities.messaging;

import java.net.URI;
import java.util.UUID;

/**
 * One outbound message. {@code to}/{@code from} are E.164; the channel adds the {@code whatsapp:} prefix. Either a
 * free-form {@code body} (SMS, or a WhatsApp reply inside the 24-hour session) or an approved WhatsApp template
 * ({@code contentSid} with {@code contentVariables}, a JSON object such as {@code {"1":"Ana"}}).
 */
public record MessageRequest(UUID messageId, String channel, String to, String from, String body, String contentSid,
    String contentVariables, URI statusCallbackUrl) {

  public static final String SMS = "sms";
  public static final String WHATSAPP = "whatsapp";

  public String address(String e164) {
    return WHATSAPP.equals(channel) ? "whatsapp:" + e164 : e164;
  }
}
