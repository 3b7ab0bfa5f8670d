package dev.vocero.activities.messaging;

/** The provider's id of an accepted message and its status word ({@code queued}, {@code accepted}...). */
public record SentMessage(String sid, String status) {}
