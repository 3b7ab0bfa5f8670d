package dev.vocero.store.audio;

/** A dictionary keyword found in a transcript segment, with the words around it. */
public record OpportunityRow(
    long id,
    String keyword,
    String matchedText,
    String topic,
    String priority,
    int segmentIdx,
    long startMs,
    long endMs,
    String textBefore,
    String textAfter) {}
