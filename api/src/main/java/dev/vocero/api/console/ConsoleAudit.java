package dev.vocero.api.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vocero.api.audit.AuditSnapshots;
import dev.vocero.api.audit.AuditTrail;
import dev.vocero.api.http.ClientAddress;
import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A change made in the console goes to the audit trail under the action the REST API gives the same change
 * ({@code batches.pause}, {@code audios.delete}…), with the signed-in user, the object and the client's address. The
 * API's own audit filter sees only bearer tokens; this one sees the console's sessions. A dry run stores nothing and
 * is not recorded; a refused write (4xx) is not a change.
 */
@Priority(Priorities.USER)
final class ConsoleAudit implements ContainerRequestFilter, ContainerResponseFilter {
  private static final Logger LOG = LoggerFactory.getLogger(ConsoleAudit.class);
  /** Resource method → action, for the writes whose action is not in the path. */
  private static final Map<String, String> ACTIONS = Map.ofEntries(
      Map.entry("BatchPages.create", "batches.create"),
      Map.entry("BatchPages.pace", "batches.pace"),
      Map.entry("RecordingPages.upload", "audios.create"),
      Map.entry("RecordingPages.reprocess", "audios.reprocess"),
      Map.entry("RecordingPages.delete", "audios.delete"),
      // chat and campaigns (slice 2a)
      Map.entry("ChatPages.create", "chat.conversations"),
      Map.entry("ChatPages.ask", "chat.conversations.messages"),
      Map.entry("CampaignPages.create", "campaigns.create"),
      // messages, settings and users (slice 2b)
      Map.entry("MessagePages.takeOver", "conversations.takeover"),
      Map.entry("MessagePages.release", "conversations.takeover.delete"),
      Map.entry("MessagePages.reply", "conversations.messages"),
      Map.entry("SettingsPages.addKeyword", "opportunity-keywords.create"),
      Map.entry("SettingsPages.deleteKeyword", "opportunity-keywords.delete"),
      Map.entry("SettingsPages.addDnc", "dnc.create"),
      Map.entry("SettingsPages.removeDnc", "dnc.delete"),
      Map.entry("SettingsPages.addAlertRule", "alert-rules.create"),
      Map.entry("SettingsPages.deleteAlertRule", "alert-rules.delete"),
      Map.entry("SettingsPages.addWebhook", "webhooks.create"),
      Map.entry("SettingsPages.deleteWebhook", "webhooks.delete"),
      Map.entry("SettingsPages.autoReply", "messages.auto-reply.update"),
      Map.entry("SettingsPages.privacy", "organization.update"),
      Map.entry("UserPages.invite", "users.create"),
      Map.entry("UserPages.role", "users.update"),
      Map.entry("UserPages.access", "users.update"));
  private static final String OBJECT = "vocero.console.audit.object";
  private static final String BEFORE = "vocero.console.audit.before";

  private final AuditTrail trail;
  private final AuditSnapshots snapshots;
  private final ClientAddress clientAddress;

  @Context
  private ResourceInfo resource;

  @Context
  private HttpServletRequest http;

  ConsoleAudit(AuditTrail trail, AuditSnapshots snapshots, ClientAddress clientAddress) {
    this.trail = trail;
    this.snapshots = snapshots;
    this.clientAddress = clientAddress;
  }

  /** The object a write is about when its address does not name it (a conversation's masked number). */
  static void object(ContainerRequestContext request, String id) {
    request.setProperty(OBJECT, id);
  }

  /** Before an audited write: the object's row as it is, so the trail can show what the write changed. */
  @Override
  public void filter(ContainerRequestContext request) {
    ConsoleRequest console = ConsoleRequest.of(request);
    if (console == null) { // first: resolving the resource method (below) costs more than most API calls' own work
      return;
    }
    String action = action(request);
    String id = request.getUriInfo().getPathParameters().getFirst("id");
    if (action == null || id == null) {
      return;
    }
    try {
      JsonNode before = snapshots.row(console.principal().orgId(), objectType(action), id);
      if (before != null) {
        request.setProperty(BEFORE, before);
      }
    } catch (RuntimeException e) { // the trail never decides a request
      LOG.warn("No before-snapshot for the console's audit of {}: {}", action, e.toString());
    }
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    ConsoleRequest console = ConsoleRequest.of(request);
    String action = console == null || response.getStatus() >= 400 ? null : action(request);
    if (console == null || action == null) {
      return; // sign-in, sign-out and the dry run change nothing that is audited here; a refusal changed nothing
    }
    String objectId = request.getProperty(OBJECT) instanceof String named ? named
        : request.getUriInfo().getPathParameters().getFirst("id");
    if (objectId == null && response.getLocation() != null) { // a creation answers with the new object's page
      String path = response.getLocation().getPath();
      objectId = path.substring(path.lastIndexOf('/') + 1);
    }
    try {
      JsonNode before = request.getProperty(BEFORE) instanceof JsonNode row ? row : null;
      JsonNode after = snapshots.row(console.principal().orgId(), objectType(action), objectId);
      ObjectNode changes = AuditSnapshots.changes(before, after);
      changes = changes == null ? JsonNodeFactory.instance.objectNode() : changes;
      changes.put("via", "console");
      trail.record(console.principal(), action, objectType(action), objectId, changes.toString(),
          response.getStatus(), clientAddress.of(http));
    } catch (RuntimeException e) {
      LOG.error("Could not record a console change in the audit trail: {}", e.toString());
    }
  }

  /** The API's action for the console write being handled, or null when it is not an audited change. */
  private String action(ContainerRequestContext request) {
    if (!"POST".equals(request.getMethod()) || resource.getResourceMethod() == null) {
      return null;
    }
    String method = resource.getResourceClass().getSimpleName() + "." + resource.getResourceMethod().getName();
    String verb = request.getUriInfo().getPathParameters().getFirst("action");
    return switch (method) {
      case "BatchPages.control" -> "batches." + verb;
      case "CampaignPages.control" -> "campaigns." + verb;
      case "SettingsPages.switchExtractor" -> "extractors." + verb;
      default -> ACTIONS.get(method);
    };
  }

  private static String objectType(String action) {
    return action.substring(0, action.indexOf('.'));
  }
}
