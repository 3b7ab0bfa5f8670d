package dev.vocero.workers.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Pattern;

/**
 * {@code messaging:} section. Twilio Messaging when {@code telephony.twilio} credentials are set; otherwise the sandbox
 * in {@code dev}, and elsewhere nothing is sent (see MessagingWiring).
 */
public class MessagingConfig {
  /** E.164 sender of SMS; empty means the telephony caller id. */
  @Pattern(regexp = "(\\+[1-9]\\d{6,14})?") @JsonProperty private String smsFrom;
  /** E.164 WhatsApp sender registered with Twilio (written without the whatsapp: prefix); empty means smsFrom. */
  @Pattern(regexp = "(\\+[1-9]\\d{6,14})?") @JsonProperty private String whatsappFrom;

  public String getSmsFrom() {
    return smsFrom;
  }

  public void setSmsFrom(String smsFrom) {
    this.smsFrom = smsFrom;
  }

  public String getWhatsappFrom() {
    return whatsappFrom;
  }

  public void setWhatsappFrom(String whatsappFrom) {
    this.whatsappFrom = whatsappFrom;
  }
}
