package dev.vocero.workflows.audio;

public record OpportunityResult(int opportunities) {}
