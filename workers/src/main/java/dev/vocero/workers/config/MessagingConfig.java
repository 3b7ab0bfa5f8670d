package dev.vocero.workers.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Pattern;

/**
 * {@code messaging:} section. The provider follows {@code telephony.provider}: Twilio Messaging with
 * {@code telephony.twilio} credentials, otherwise the sandbox (signed with {@code telephony.sandboxAuthToken}).
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
