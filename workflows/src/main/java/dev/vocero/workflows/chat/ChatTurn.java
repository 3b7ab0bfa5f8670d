package dev.vocero.workflows.chat;

/** A past question and its answer, as the model sees them again. */
public record ChatTurn(String question, String answer) {}
