package dev.vocero.store.chat;

import java.time.Instant;
import java.util.UUID;

/**
 * A question ({@code user}) or an answer ({@code assistant}) of one turn.
 *
 * @param citations JSON array of the answer's citations ({@code []} for questions)
 * @param modelUsed whether a language model wrote the answer; null for questions
 */
public record ChatMessageRow(long id, UUID conversationId, int turn, String role, String content, String citations,
    Boolean modelUsed, String provider, Instant createdAt) {}
