package dev.vocero.workflows.audio;

import java.util.UUID;

public record AudioStatusChange(UUID orgId, UUID audioId, AudioStatus status, String failureReason) {}
