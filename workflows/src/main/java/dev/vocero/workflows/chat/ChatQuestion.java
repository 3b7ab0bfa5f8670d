package dev.vocero.workflows.chat;

/** Argument of the {@code ask} update. */
public record ChatQuestion(String question) {}
