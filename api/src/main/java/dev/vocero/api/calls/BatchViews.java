package dev.vocero.api.calls;

import dev.vocero.api.audio.AudioViews;
import dev.vocero.domain.phones.PhoneNumbers;
import dev.vocero.store.calls.AttemptRow;
import dev.vocero.store.calls.BatchRow;
import dev.vocero.store.calls.ContactRow;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Response bodies of /api/v1/batches. Phone numbers appear masked except in the contact's own record. */
public final class BatchViews {
  private BatchViews() {}

  public record Created(UUID id, String status, int rowsRead, int contacts, int rejected,
      List<ContactLists.Rejected> rejectedRows, PersonGrouping persons) {}

  /** @param preview when the list's persons could be called under the batch's policy (docs/compliance, "Preview") */
  public record DryRun(String format, int rowsRead, int valid, int rejected, Map<String, String> columnMapping,
      List<ContactLists.Rejected> rejectedRows, PersonGrouping persons, Preview preview) {}

  /**
   * A dry run's launch preview: {@code persons} the list makes, {@code reachable} of them, how many could first be
   * called on each day (their local date), and how many never could with the rule that blocks them ({@code dnc}: every
   * number on the do-not-call list; {@code deadline}: not before the batch's deadline). Nothing is stored.
   */
  public record Preview(String policy, int persons, int reachable, List<PreviewDay> byDay,
      List<PreviewBlock> blocked, RetryPreview retries) {}

  public record PreviewDay(java.time.LocalDate date, int persons) {}

  public record PreviewBlock(String ruleId, int persons) {}

  /** The statuses a batch never leaves: its started and finished counts are stored for good. */
  public static final java.util.Set<String> ENDED = java.util.Set.of("completed", "cancelled", "failed");

  public record Summary(UUID id, String name, String status, int contacts, int rejected, int started, int finished,
      Instant createdAt, Instant completedAt) {
    static Summary of(BatchRow b) {
      return new Summary(b.id(), b.name(), b.status(), b.contactsCount(), b.rejectedCount(), b.started(), b.finished(),
          b.createdAt(), b.completedAt());
    }

    Summary withCounts(int startedNow, int finishedNow) {
      return new Summary(id, name, status, contacts, rejected, startedNow, finishedNow, createdAt, completedAt);
    }
  }


  /** @param contactPolicy the batch's own limits on top of its jurisdiction's policy, with any override; null if none */
  public record Detail(Summary batch, Object settings, Map<String, Long> byStatus, Map<String, Long> byDisposition,
      dev.vocero.domain.compliance.PolicySettings contactPolicy) {}

  /** @param audioId the audio made from the call's recording, with its processing status (null when none) */
  public record Attempt(UUID id, int attempt, String phone, String provider, String status, String disposition,
      String reason, String nextStep, Integer durationSeconds, Instant placedAt, Instant endedAt, UUID audioId,
      String audioStatus, String ruleId) {
    static Attempt of(AttemptRow a, Map<UUID, String> audioStatuses) {
      return new Attempt(a.id(), a.attemptNumber(), PhoneNumbers.mask(a.phoneE164()), a.provider(), a.status(),
          a.disposition(), a.reason(), a.nextStep(), a.durationSeconds(), a.placedAt(), a.endedAt(), a.audioId(),
          a.audioId() == null ? null : audioStatuses.get(a.audioId()), a.ruleId());
    }
  }

  /**
   * @param attempts calls placed so far: the count stored when the contact finished, and while it is still in progress
   *     the attempts of its history that were placed (the stored count is only written at the end)
   */
  public record Call(long contactId, int row, String name, List<String> phones, String timeZone, String status,
      String finalDisposition, int attempts, List<Attempt> history, Long personId) {
    static Call of(ContactRow c, List<AttemptRow> attempts, Map<UUID, String> audioStatuses) {
      int placed = (int) attempts.stream().filter(a -> a.placedAt() != null).count();
      return new Call(c.id(), c.rowNumber(), c.name(), c.phones().stream().map(PhoneNumbers::mask).toList(), c.timeZone(),
          c.status(), c.finalDisposition(), Math.max(c.attempts(), placed),
          attempts.stream().map(a -> Attempt.of(a, audioStatuses)).toList(), c.personId());
    }
  }

  /** One call attempt with what its recording became: transcript segments and opportunities (audio null if none). */
  public record CallDetail(UUID batchId, long contactId, Attempt attempt, AudioViews.Detail audio) {}
}
