package dev.vocero.store.messaging;

import java.time.Instant;
import java.util.UUID;

/**
 * How the organisation's assistant answers inbound messages. {@code handoffKeywords} is a JSON array of words that
 * hand the conversation to a person; {@code historyMessages} is how many recent messages the model sees.
 */
public record AutoReplySettings(UUID orgId, boolean enabled, String instructions, int historyMessages,
    int maxRepliesPerDay, String handoffKeywords, UUID updatedBy, Instant updatedAt) {

  public static final String DEFAULT_KEYWORDS = "[\"asesor\", \"humano\", \"agente\", \"persona\", \"operador\"]";

  /** What an organisation that never saved settings gets: switched off. */
  public static AutoReplySettings defaults(UUID orgId) {
    return new AutoReplySettings(orgId, false, "", 12, 5, DEFAULT_KEYWORDS, null, null);
  }
}
