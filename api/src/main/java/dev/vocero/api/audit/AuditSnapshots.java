package dev.vocero.api.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vocero.store.SharedDaos;
import dev.vocero.store.audit.AuditDao;
import java.io.IOException;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * An audited object's row as the trail shows it, read before and after a change so the trail can say which fields
 * changed. Shared by the API's {@link AuditFilter} and the console's audit: one notion of "the object's row".
 */
public final class AuditSnapshots {
  private final Jdbi jdbi;
  private final ObjectMapper json;

  public AuditSnapshots(Jdbi jdbi, ObjectMapper json) {
    this.jdbi = jdbi;
    this.json = json;
  }

  /**
   * The row of an object of {@code objectType} (the first word of its action: {@code campaigns}, {@code users}...), or
   * null when that type has no row of its own, the id is unknown, or the row is gone.
   */
  public JsonNode row(UUID orgId, String objectType, String objectId) {
    AuditSubject.Table table = AuditSubject.tableOf(objectType);
    return table == null ? null : row(orgId, table, table.ofOrganization() ? orgId.toString() : objectId);
  }

  JsonNode row(UUID orgId, AuditSubject.Table table, String objectId) {
    if (table == null || objectId == null) {
      return null;
    }
    return SharedDaos.of(jdbi).with(AuditDao.class, dao -> dao.snapshot(table.name(), table.orgColumn(), table.idColumn(),
        orgId, objectId)).map(this::parse).orElse(null);
  }

  /** {@code {"before": {...}, "after": {...}}} of the fields that differ (secrets dropped, phones masked), or null. */
  public static ObjectNode changes(JsonNode before, JsonNode after) {
    return AuditChanges.between(before, after);
  }

  private JsonNode parse(String text) {
    try {
      return json.readTree(text);
    } catch (IOException e) {
      return null;
    }
  }
}
