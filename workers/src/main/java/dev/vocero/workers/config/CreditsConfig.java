package dev.vocero.workers.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.vocero.domain.credits.CreditPrices;
import jakarta.validation.constraints.Min;

/**
 * {@code credits:} section: the price table in credits (1 credit per call-minute, SMS segment, WhatsApp message and
 * WhatsApp template by default) and how many minutes are held before each call. {@code unconfirmedMessageHours}: a
 * message the provider took but never gave a final status for is charged as sent after this long (24 by default).
 */
public class CreditsConfig {
  @Min(0) @JsonProperty private long callPerMinute = 1;
  @Min(0) @JsonProperty private long smsPerSegment = 1;
  @Min(0) @JsonProperty private long whatsappPerMessage = 1;
  @Min(0) @JsonProperty private long whatsappPerTemplate = 1;
  @Min(1) @JsonProperty private int reserveMinutes = 2;
  @Min(1) @JsonProperty private int unconfirmedMessageHours = 24;

  public CreditPrices build() {
    return new CreditPrices(callPerMinute, smsPerSegment, whatsappPerMessage, whatsappPerTemplate, reserveMinutes);
  }

  public int getUnconfirmedMessageHours() {
    return unconfirmedMessageHours;
  }
}
