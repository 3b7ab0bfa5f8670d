package dev.vocero.api.console;

import dev.vocero.api.alerts.AlertViews;
import dev.vocero.api.auth.OrganizationResource;
import dev.vocero.api.extraction.ExtractorView;
import dev.vocero.api.messaging.AutoReplyResource;
import dev.vocero.api.paging.Page;
import dev.vocero.store.audio.KeywordRow;
import dev.vocero.store.credits.CreditAccount;
import dev.vocero.store.credits.LedgerEntry;
import java.time.Instant;
import java.util.List;

/**
 * What the settings page shows, each part read through the same resource as the REST API; {@code autoReply} is null for
 * all but admins, as {@code GET /api/v1/messages/auto-reply} is for admins only.
 */
public record SettingsView(List<KeywordRow> keywords, Page<DncLine> dnc, AutoReplyResource.View autoReply,
    OrganizationResource.Organization organization, List<AlertViews.Rule> alertRules, List<ExtractorView> extractors,
    List<AlertViews.Webhook> webhooks, CreditAccount credits, Page<LedgerEntry> ledger) {

  /** A do-not-call entry with its number masked, as the API's listings show numbers. */
  public record DncLine(String phone, String reason, String source, Instant createdAt) {}
}
