package dev.vocero.api.console;

import dev.vocero.workflows.audio.AudioIds;
import dev.vocero.workflows.calls.CallIds;
import dev.vocero.workflows.campaigns.CampaignIds;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Links from an object's page to its workflow in the Temporal Web UI ({@code temporal.webUiUrl}); every method answers
 * null when no Web UI is configured, and the page then shows no link.
 */
public final class WorkflowLinks {
  private final String base;

  /** {@code webUiUrl}: an http(s) address, or null/blank for none; {@code namespace}: the Temporal namespace. */
  public WorkflowLinks(String webUiUrl, String namespace) {
    String url = webUiUrl == null ? "" : webUiUrl.trim();
    while (url.endsWith("/")) {
      url = url.substring(0, url.length() - 1);
    }
    this.base = url.startsWith("http://") || url.startsWith("https://")
        ? url + "/namespaces/" + encode(namespace) + "/workflows/" : null;
  }

  public static WorkflowLinks none() {
    return new WorkflowLinks(null, "default");
  }

  public String recording(UUID audioId) {
    return link(AudioIds.workflowId(audioId));
  }

  public String batch(UUID batchId) {
    return link(CallIds.batchWorkflowId(batchId));
  }

  public String campaign(UUID campaignId) {
    return link(CampaignIds.campaignWorkflowId(campaignId));
  }

  private String link(String workflowId) {
    return base == null ? null : base + encode(workflowId);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
