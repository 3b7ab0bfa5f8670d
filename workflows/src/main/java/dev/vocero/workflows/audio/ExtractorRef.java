package dev.vocero.workflows.audio;

/** One extractor at the version that runs. */
public record ExtractorRef(String name, int version) {}
