package dev.vocero.api.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vocero.store.audit.AuditEntry;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Response bodies of {@code GET /api/v1/audit}. */
public final class AuditViews {
  private AuditViews() {}

  /**
   * One change. {@code actorType}: {@code user}, {@code api_key}, {@code anonymous} (a failed sign-in of an unknown
   * account) or {@code system} (Vocero on the organization's behalf, e.g. a drop folder named in {@code actorLabel});
   * {@code changes}: {@code {"before": {...}, "after": {...}}} with the changed fields only, or null.
   */
  public record Entry(long id, Instant at, String actorType, UUID actorId, String actorLabel, String action,
      String objectType, String objectId, JsonNode changes, int status, String clientIp) {
    static Entry of(AuditEntry row, JsonNode changes) {
      return new Entry(row.id(), row.at(), row.actorType(), row.actorId(), row.actorLabel(), row.action(),
          row.objectType(), row.objectId(), changes, row.status(), row.clientIp());
    }
  }

  public record Entries(List<Entry> items, int page, int pageSize, long total) {}
}
