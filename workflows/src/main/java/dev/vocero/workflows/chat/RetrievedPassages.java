package dev.vocero.workflows.chat;

import java.util.List;

/** Passages, best first. */
public record RetrievedPassages(List<ChatPassage> passages) {}
