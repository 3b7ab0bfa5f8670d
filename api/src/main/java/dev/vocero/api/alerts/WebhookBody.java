package dev.vocero.api.alerts;

import dev.vocero.api.errors.ApiException;
import dev.vocero.store.alerts.WebhookRow;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/** Body of creating or replacing an outbound webhook; the URL and event types keep their own error codes. */
public record WebhookBody(
    @NotBlank @Size(max = 2000) String url,
    @Size(max = 200) String description,
    Boolean enabled,
    @ArraySchema(schema = @Schema(allowableValues = {WebhookRow.ALERT_RAISED, WebhookRow.CALL_COMPLETED,
        WebhookRow.BATCH_COMPLETED, WebhookRow.CAMPAIGN_DAY_COMPLETED, WebhookRow.CAMPAIGN_PAUSED,
        WebhookRow.MESSAGE_STATUS, WebhookRow.AUDIO_COMPLETED}),
        arraySchema = @Schema(description = "The events this webhook receives (docs/integrations.md); alert.raised when"
            + " none are given."))
    @Size(max = 10) List<@NotBlank String> eventTypes) {
  private static final List<String> EVENT_TYPES = WebhookRow.EVENT_TYPES;

  /** An absolute http(s) address without credentials or fragment, or 422 {@code invalid_url}. */
  String validUrl() {
    String trimmed = url.strip();
    try {
      URI uri = new URI(trimmed);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null && uri.getUserInfo() == null
          && uri.getFragment() == null) {
        return trimmed;
      }
    } catch (URISyntaxException e) {
      // answered below
    }
    throw ApiException.invalidField("invalid_url", "url", "invalid_value", "url must be an absolute http or https"
        + " address without credentials or #fragment, e.g. https://example.com/hooks/vocero.");
  }

  String cleanDescription() {
    return description == null || description.isBlank() ? null : description.strip();
  }

  /** The requested event types without repeats (alert.raised when none), or 422 {@code unknown_event_type}. */
  List<String> validEventTypes() {
    if (eventTypes == null || eventTypes.isEmpty()) {
      return List.of(WebhookRow.ALERT_RAISED);
    }
    for (int i = 0; i < eventTypes.size(); i++) {
      if (!EVENT_TYPES.contains(eventTypes.get(i))) {
        throw ApiException.invalidField("unknown_event_type", "eventTypes[" + i + "]", "invalid_value",
            "Unknown event type '" + eventTypes.get(i) + "'; the events are: " + String.join(", ", EVENT_TYPES) + ".");
      }
    }
    return eventTypes.stream().distinct().toList();
  }
}
