package dev.vocero.store.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * One line of the audit trail. {@code changes} is JSON {@code {"before": {...}, "after": {...}}} holding only the
 * fields that changed, or null; {@code id} and {@code at} are set by the database.
 */
public record AuditEntry(Long id, Instant at, UUID orgId, String actorType, UUID actorId, String actorLabel,
    String action, String objectType, String objectId, String changes, int status, String clientIp) {}
