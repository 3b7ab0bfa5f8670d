package dev.vocero.workflows.chat;

import java.util.UUID;

/** One finished turn to persist (question and answer). */
public record TurnRecord(UUID orgId, UUID conversationId, int turn, String question, ChatReply reply) {}
