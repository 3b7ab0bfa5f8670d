package dev.vocero.store.chat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One chat; {@code audioIds} empty means every audio of the organization. */
public record ConversationRow(UUID id, UUID orgId, String title, List<UUID> audioIds, UUID createdBy, Instant createdAt,
    Instant updatedAt) {}
