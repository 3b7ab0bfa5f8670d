package dev.vocero.api.campaigns;

import dev.vocero.api.errors.ErrorCode;
import dev.vocero.api.validation.CallDisposition;
import dev.vocero.api.validation.MessageContent;
import dev.vocero.api.validation.OneOf;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A message wave of a campaign. {@code body} (with {{name}}-style contact variables) for SMS or a WhatsApp session
 * message, or {@code contentSid} (an approved WhatsApp template) with {@code contentVariables}. {@code batchId} is one
 * of the campaign's batches; with {@code disposition} (e.g. no_answer) only the contacts whose call ended that way are
 * messaged, and the wave then waits until that batch has ended.
 */
@ErrorCode("invalid_wave")
@MessageContent
public record CampaignWaveRequest(
    @NotBlank @Size(max = 200) String name,
    @NotNull @OneOf({"sms", "whatsapp"}) String channel,
    @Size(max = 1600) String body,
    @Pattern(regexp = "HX[0-9a-fA-F]{32}") String contentSid,
    Map<@Size(max = 20) String, @Size(max = 500) String> contentVariables,
    @NotNull UUID batchId,
    @CallDisposition String disposition,
    @Min(1) @Max(6000) Integer perMinute) implements MessageContent.Message {

  /** The text, or null when the wave sends a template. */
  public String text() {
    return body == null || body.isBlank() ? null : body;
  }

  public String dispositionWire() {
    return disposition == null ? null : disposition.trim().toLowerCase(Locale.ROOT);
  }

  public int rate() {
    return perMinute == null ? 60 : perMinute;
  }
}
