package dev.vocero.workflows.chat;

import java.util.List;
import java.util.UUID;

/** Find the passages of the organization's transcripts (optionally only these audios) that match a question. */
public record RetrievalRequest(UUID orgId, String question, List<UUID> audioIds, int limit) {}
