package dev.vocero.store.alerts;

import java.time.Instant;
import java.util.UUID;

/** One raised alert with its rule's name; {@code segmentIdx} is null for whole-audio rules (sentiment). */
public record AlertRow(
    UUID id,
    UUID orgId,
    UUID ruleId,
    String ruleName,
    String ruleKind,
    UUID audioId,
    Integer segmentIdx,
    long startMs,
    String evidence,
    String severity,
    String status,
    UUID assigneeId,
    Instant resolvedAt,
    UUID resolvedBy,
    String note,
    Instant createdAt,
    Instant updatedAt) {}
