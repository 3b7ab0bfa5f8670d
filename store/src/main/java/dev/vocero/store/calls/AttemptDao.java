package dev.vocero.store.calls;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(AttemptRow.class)
public interface AttemptDao {
  String COLUMNS = "id, org_id, batch_id, contact_id, attempt_number, phone_index, phone_e164, provider, provider_call_id,"
      + " status, provider_status, disposition, reason, next_step, answered_by, duration_seconds, recording_url, audio_id,"
      + " created_at, placed_at, ended_at, rule_id";

  /** Idempotent: a retried plan for the same attempt id inserts nothing. */
  @SqlUpdate("insert into call_attempts (id, org_id, batch_id, contact_id, attempt_number, phone_index, phone_e164, status)"
      + " values (:id, :orgId, :batchId, :contactId, :attemptNumber, :phoneIndex, :phoneE164, 'planned')"
      + " on conflict (id) do nothing")
  int insertPlanned(UUID id, UUID orgId, UUID batchId, long contactId, int attemptNumber, int phoneIndex, String phoneE164);

  /** {@link #insertPlanned} and {@link #setRule} in one statement: a retried plan inserts nothing and sets the rule. */
  @SqlUpdate("insert into call_attempts (id, org_id, batch_id, contact_id, attempt_number, phone_index, phone_e164, status,"
      + " rule_id) values (:id, :orgId, :batchId, :contactId, :attemptNumber, :phoneIndex, :phoneE164, 'planned', :ruleId)"
      + " on conflict (id) do update set rule_id = excluded.rule_id where call_attempts.org_id = excluded.org_id")
  int insertPlannedWithRule(UUID id, UUID orgId, UUID batchId, long contactId, int attemptNumber, int phoneIndex,
      String phoneE164, String ruleId);

  @SqlQuery("select " + COLUMNS + " from call_attempts where org_id = :orgId and id = :id")
  Optional<AttemptRow> find(UUID orgId, UUID id);

  /** The contact policy's rule that allowed the attempt. */
  @SqlUpdate("update call_attempts set rule_id = :ruleId where org_id = :orgId and id = :id")
  int setRule(UUID orgId, UUID id, String ruleId);

  /** Webhooks know only the attempt id from the callback URL: the organization comes from the row. */
  @SqlQuery("select " + COLUMNS + " from call_attempts where id = :id")
  Optional<AttemptRow> findForWebhook(UUID id);

  @SqlQuery("select " + COLUMNS + " from call_attempts where org_id = :orgId and contact_id = :contactId order by attempt_number, created_at")
  List<AttemptRow> listForContact(UUID orgId, long contactId);

  @SqlQuery("select " + COLUMNS + " from call_attempts where org_id = :orgId and batch_id = :batchId order by contact_id, attempt_number")
  List<AttemptRow> listForBatch(UUID orgId, UUID batchId);

  @SqlUpdate("update call_attempts set provider = :provider, provider_call_id = :providerCallId, status = 'placed',"
      + " placed_at = coalesce(placed_at, now()) where org_id = :orgId and id = :id and status = 'planned'")
  int markPlaced(UUID orgId, UUID id, String provider, String providerCallId);

  @SqlUpdate("update call_attempts set status = 'ended', disposition = :disposition, reason = :reason, next_step = :nextStep,"
      + " ended_at = coalesce(ended_at, now()) where org_id = :orgId and id = :id")
  int recordOutcome(UUID orgId, UUID id, String disposition, String reason, String nextStep);

  @SqlUpdate("update call_attempts set provider_status = :status, answered_by = coalesce(:answeredBy, answered_by),"
      + " duration_seconds = coalesce(:durationSeconds, duration_seconds) where id = :id")
  int recordProviderStatus(UUID id, String status, String answeredBy, Integer durationSeconds);

  @SqlUpdate("update call_attempts set recording_url = :recordingUrl, audio_id = :audioId where id = :id")
  int recordRecording(UUID id, String recordingUrl, UUID audioId);

  /** Attempts on this number by the organization since {@code since}, across all batches (frequency cap). */
  @SqlQuery("select count(*) from call_attempts where org_id = :orgId and phone_e164 = :phone and created_at >= :since"
      + " and status <> 'planned'")
  int countSince(UUID orgId, String phone, Instant since);
}
