package dev.vocero.api.console;

import dev.vocero.api.audit.AuditTrail;
import dev.vocero.api.http.ClientAddress;
import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
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
final class ConsoleAudit implements ContainerResponseFilter {
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
      Map.entry("SettingsPages.enableExtractor", "extractors.enable"),
      Map.entry("SettingsPages.disableExtractor", "extractors.disable"),
      Map.entry("SettingsPages.addWebhook", "webhooks.create"),
      Map.entry("SettingsPages.deleteWebhook", "webhooks.delete"),
      Map.entry("SettingsPages.autoReply", "messages.auto-reply.update"),
      Map.entry("SettingsPages.privacy", "organization.update"),
      Map.entry("UserPages.invite", "users.create"),
      Map.entry("UserPages.role", "users.update"),
      Map.entry("UserPages.access", "users.update"));
  private static final String OBJECT = "vocero.console.audit.object";

  private final AuditTrail trail;
  private final ClientAddress clientAddress;

  @Context
  private ResourceInfo resource;

  @Context
  private HttpServletRequest http;

  ConsoleAudit(AuditTrail trail, ClientAddress clientAddress) {
    this.trail = trail;
    this.clientAddress = clientAddress;
  }

  /** The object a write is about when its address does not name it (a conversation's masked number). */
  static void object(ContainerRequestContext request, String id) {
    request.setProperty(OBJECT, id);
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    ConsoleRequest console = ConsoleRequest.of(request);
    if (!"POST".equals(request.getMethod()) || response.getStatus() >= 400 || resource.getResourceMethod() == null
        || console == null) {
      return;
    }
    String method = resource.getResourceClass().getSimpleName() + "." + resource.getResourceMethod().getName();
    String action = method.equals("BatchPages.control") || method.equals("CampaignPages.control")
        ? (method.startsWith("Batch") ? "batches." : "campaigns.")
            + request.getUriInfo().getPathParameters().getFirst("action")
        : ACTIONS.get(method);
    if (action == null) {
      return; // sign-in, sign-out and the dry run change nothing that is audited here
    }
    String objectId = request.getProperty(OBJECT) instanceof String named ? named
        : request.getUriInfo().getPathParameters().getFirst("id");
    if (objectId == null && response.getLocation() != null) { // a creation answers with the new object's page
      String path = response.getLocation().getPath();
      objectId = path.substring(path.lastIndexOf('/') + 1);
    }
    try {
      trail.record(console.principal(), action, action.substring(0, action.indexOf('.')), objectId,
          "{\"via\":\"console\"}", response.getStatus(), clientAddress.of(http));
    } catch (RuntimeException e) {
      LOG.error("Could not record a console change in the audit trail: {}", e.toString());
    }
  }
}
