package dev.vocero.workflows.chat;

import java.util.List;
import java.util.UUID;

/**
 * Start (and continue-as-new) argument of a conversation.
 *
 * @param audioIds      the audios the chat may quote; empty means every audio of the organization
 * @param memory        turns so far (from PostgreSQL when a closed conversation starts again)
 * @param turnsPerRun   turns before continue-as-new
 */
public record ConversationInput(UUID orgId, UUID conversationId, List<UUID> audioIds, ChatMemory memory,
    int turnsPerRun) {

  public ConversationInput {
    audioIds = audioIds == null ? List.of() : List.copyOf(audioIds);
    memory = memory == null ? ChatMemory.EMPTY : memory;
    turnsPerRun = turnsPerRun < 1 ? ChatLimits.DEFAULT_TURNS_PER_RUN : turnsPerRun;
  }

  ConversationInput withMemory(ChatMemory next) {
    return new ConversationInput(orgId, conversationId, audioIds, next, turnsPerRun);
  }
}
