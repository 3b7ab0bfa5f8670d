package dev.vocero.api.alerts;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The {@code data} of each event a webhook receives, for the OpenAPI document (its {@code webhooks} section); the
 * JSON itself is built where the fact is stored (migration V27's triggers, {@code AlertEvents} for alert.raised).
 */
public final class EventViews {
  private EventViews() {}

  @Schema(description = "alert.raised: an alert rule matched a recording's transcript.")
  public record AlertRaised(UUID id, UUID audioId, UUID ruleId, String ruleName, String ruleKind, String severity,
      Integer segmentIndex, long startMs, String evidence, Instant createdAt) {}

  @Schema(description = "call.completed: one call attempt ended and its outcome was recorded.")
  public record CallCompleted(UUID batchId, UUID attemptId, int attemptNumber,
      @Schema(description = "The contact's id in Vocero (GET /api/v1/batches/{id}/calls)") long contactId,
      @Schema(description = "The contact's row in the uploaded list") Integer contactRow,
      @Schema(description = "The dialed number, masked: +57300•••4567") String phone,
      @Schema(description = "answered_human, answered_machine, no_answer, busy, failed, invalid_number, …") String disposition,
      String answeredBy, Integer durationSeconds,
      @Schema(description = "The recording's audio, when it was stored before the outcome") UUID audioId,
      Instant placedAt, Instant endedAt) {}

  @Schema(description = "batch.completed: a call batch ended (status completed, cancelled or failed).")
  public record BatchCompleted(UUID batchId, String name, String status, int contacts, int rejectedRows, int started,
      int finished, Map<String, Integer> finishedByDisposition, Instant completedAt) {}

  @Schema(description = "campaign.day_completed: a campaign's calling window closed and its day was rolled up.")
  public record CampaignDayCompleted(UUID campaignId, LocalDate day, int callsStarted, int callsFinished,
      Map<String, Integer> finishedByDisposition, int messagesSent, Map<String, Integer> messagesByStatus) {}

  @Schema(description = "campaign.paused: a campaign was paused.")
  public record CampaignPaused(UUID campaignId, String name,
      @Schema(description = "operator (paused through the API or console) or the campaign's own reason, e.g. no_credit")
      String reason, Instant pausedAt) {}

  @Schema(description = "message.status: an outbound SMS or WhatsApp message moved to another status.")
  public record MessageStatus(UUID messageId, UUID waveId, Long contactId, String channel,
      @Schema(description = "The recipient, masked: +57300•••4567") String phone,
      @Schema(description = "processing, sent, delivered, read, failed or cancelled") String status,
      String previousStatus, String errorCode) {}

  @Schema(description = "audio.completed: a recording's processing completed (again after a reprocess).")
  public record AudioCompleted(UUID audioId, String title, String language, Long durationMs, UUID callAttemptId,
      List<Extraction> extractions, Instant completedAt) {}

  /** One extractor's result on the recording. */
  public record Extraction(String extractor, int version, String status, Map<String, Object> result) {}
}
