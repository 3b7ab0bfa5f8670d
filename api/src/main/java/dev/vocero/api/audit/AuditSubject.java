package dev.vocero.api.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * What a change is about, read from the route that took it: {@code POST /api/v1/campaigns/{id}/pause} is action
 * {@code campaigns.pause} on object type {@code campaigns}, id = the path's first parameter. Where the object has a row
 * of its own, {@link Table} names it so the trail can show the changed fields before and after.
 */
record AuditSubject(String action, String objectType, String objectId, Table table) {
  private static final String API = "/api/v1/";

  /** A row to snapshot: {@code idColumn} is compared as text; {@code createdIdField}: the new object's id in a 201. */
  record Table(String name, String orgColumn, String idColumn, String createdIdField, boolean ofOrganization) {
    static Table of(String name) {
      return new Table(name, "org_id", "id", "id", false);
    }
  }

  private static final Map<String, Table> TABLES = Map.ofEntries(
      Map.entry("campaigns", Table.of("campaigns")),
      Map.entry("batches", Table.of("call_batches")),
      Map.entry("alert-rules", Table.of("alert_rules")),
      Map.entry("alerts", Table.of("alerts")),
      Map.entry("webhooks", Table.of("outbound_webhooks")),
      Map.entry("users", Table.of("users")),
      Map.entry("api-keys", Table.of("api_keys")),
      Map.entry("audios", Table.of("audios")),
      Map.entry("opportunity-keywords", Table.of("opportunity_keywords")),
      Map.entry("messages/waves", Table.of("message_waves")),
      Map.entry("dnc", new Table("dnc_numbers", "org_id", "phone_e164", "phone", false)),
      Map.entry("organization", new Table("organizations", "id", "id", null, true)),
      Map.entry("messages/auto-reply", new Table("auto_reply_settings", "org_id", "org_id", null, true)));

  /** Null for routes outside {@code /api/v1/}. */
  static AuditSubject of(String method, String template, Map<String, String> pathParameters, UUID orgId) {
    if (!template.startsWith(API)) {
      return null;
    }
    List<String> literalsBefore = new ArrayList<>();
    List<String> literalsAfter = new ArrayList<>();
    String firstParam = null;
    for (String segment : template.substring(API.length()).split("/")) {
      if (segment.isEmpty()) {
        continue;
      }
      if (segment.startsWith("{")) {
        firstParam = firstParam == null ? segment.substring(1, segment.length() - 1).split(":")[0].trim() : firstParam;
      } else if (firstParam == null) {
        literalsBefore.add(segment);
      } else {
        literalsAfter.add(segment);
      }
    }
    if (literalsBefore.isEmpty()) {
      return null;
    }
    String objectType = literalsBefore.get(0);
    List<String> rest = new ArrayList<>(literalsBefore.subList(1, literalsBefore.size()));
    rest.addAll(literalsAfter);
    String action = objectType + (rest.isEmpty() ? "." + verb(method) : "." + String.join(".", rest)
        + (method.equals("POST") ? "" : "." + verb(method)));
    Table table = table(literalsBefore);
    String id = firstParam == null ? null : pathParameters.get(firstParam);
    if (table != null && table.ofOrganization()) {
      id = orgId.toString();
    }
    return new AuditSubject(action, objectType, id, table);
  }

  /** The table of an object type ({@code campaigns}, {@code dnc}...), or null when it has no row of its own. */
  static Table tableOf(String objectType) {
    return objectType == null ? null : TABLES.get(objectType);
  }

  AuditSubject withObjectId(String id) {
    return new AuditSubject(action, objectType, id, table);
  }

  private static Table table(List<String> literals) {
    return switch (literals.size()) {
      case 1 -> TABLES.get(literals.get(0));
      case 2 -> TABLES.get(literals.get(0) + "/" + literals.get(1));
      default -> null;
    };
  }

  private static String verb(String method) {
    return switch (method.toUpperCase(Locale.ROOT)) {
      case "POST" -> "create";
      case "DELETE" -> "delete";
      default -> "update";
    };
  }
}
