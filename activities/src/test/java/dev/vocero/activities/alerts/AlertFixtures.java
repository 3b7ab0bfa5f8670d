package dev.vocero.activities.alerts;

import dev.vocero.store.accounts.OrganizationDao;
import dev.vocero.store.alerts.AlertRuleDao;
import dev.vocero.store.alerts.AlertRuleRow;
import dev.vocero.store.alerts.WebhookDao;
import dev.vocero.store.alerts.WebhookRow;
import dev.vocero.store.audio.AudioDao;
import dev.vocero.store.audio.AudioRow;
import dev.vocero.store.audio.SegmentRow;
import dev.vocero.store.audio.TranscriptDao;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** Rows the alert tests need: an organization, a transcribed audio, rules and webhooks. */
final class AlertFixtures {
  private final Jdbi jdbi;

  AlertFixtures(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  UUID organization() {
    UUID org = UUID.randomUUID();
    jdbi.onDemand(OrganizationDao.class).insert(org, "org " + org);
    return org;
  }

  UUID transcribedAudio(UUID org, List<SegmentRow> segments) {
    UUID id = UUID.randomUUID();
    String sha = HexFormat.of().formatHex(id.toString().getBytes()).substring(0, 64);
    jdbi.onDemand(AudioDao.class).insert(AudioRow.queued(id, org, "Llamada", "call.wav", "audio/vnd.wave", 1234, sha,
        "sha256/" + sha.substring(0, 2) + "/" + sha, "es", null));
    jdbi.onDemand(TranscriptDao.class).replace(org, id, segments);
    return id;
  }

  AlertRuleRow rule(UUID org, String kind, String pattern, Double threshold, String severity) {
    AlertRuleRow rule = new AlertRuleRow(UUID.randomUUID(), org, kind + " " + pattern, kind, pattern, threshold, "any",
        null, null, false, severity, true, null, null);
    jdbi.onDemand(AlertRuleDao.class).insert(rule);
    return rule;
  }

  WebhookRow webhook(UUID org, String url, boolean enabled) {
    WebhookRow webhook = new WebhookRow(UUID.randomUUID(), org, url, "whsec_test_" + UUID.randomUUID(), "test", enabled,
        List.of(WebhookRow.ALERT_RAISED), null, null);
    jdbi.onDemand(WebhookDao.class).insert(webhook);
    return webhook;
  }
}
