package dev.vocero.workflows.chat;

import java.util.List;
import java.util.UUID;

/** Ask the language model the question, grounded in these passages and the conversation so far. */
public record AnswerRequest(UUID orgId, UUID conversationId, String question, List<ChatPassage> passages,
    ChatMemory memory) {}
