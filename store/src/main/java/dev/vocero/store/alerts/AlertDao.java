package dev.vocero.store.alerts;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(AlertRow.class)
public interface AlertDao {
  String SELECT = "select a.id, a.org_id, a.rule_id, r.name as rule_name, r.kind as rule_kind, a.audio_id, a.segment_idx,"
      + " a.start_ms, a.evidence, a.severity, a.status, a.assignee_id, a.resolved_at, a.resolved_by, a.note, a.created_at,"
      + " a.updated_at from alerts a join alert_rules r on r.id = a.rule_id";
  String FILTER = " where a.org_id = :orgId and (cast(:status as text) is null or a.status = :status)"
      + " and (cast(:severity as text) is null or a.severity = :severity)"
      + " and (cast(:audioId as uuid) is null or a.audio_id = :audioId)";

  /** Inserts unless the rule already raised an alert on that segment of that audio; 1 when inserted. */
  @SqlUpdate("insert into alerts (id, org_id, rule_id, audio_id, segment_idx, start_ms, evidence, severity)"
      + " values (:a.id, :orgId, :a.ruleId, :audioId, :a.segmentIdx, :a.startMs, :a.evidence, :a.severity)"
      + " on conflict (rule_id, audio_id, segment_idx) do nothing")
  int insertIfAbsent(UUID orgId, UUID audioId, @BindMethods("a") NewAlert alert);

  @SqlQuery(SELECT + " where a.org_id = :orgId and a.id = :id")
  Optional<AlertRow> find(UUID orgId, UUID id);

  @SqlQuery(SELECT + FILTER + " order by a.created_at desc, a.start_ms, a.id limit :limit offset :offset")
  List<AlertRow> list(UUID orgId, String status, String severity, UUID audioId, int limit, int offset);

  @SqlQuery("select count(*) from alerts a" + FILTER)
  long count(UUID orgId, String status, String severity, UUID audioId);

  @SqlUpdate("update alerts set status = 'assigned', assignee_id = :assigneeId, updated_at = now()"
      + " where org_id = :orgId and id = :id and status <> 'resolved'")
  int assign(UUID orgId, UUID id, UUID assigneeId);

  @SqlUpdate("update alerts set status = 'resolved', resolved_at = now(), resolved_by = :userId, note = :note,"
      + " updated_at = now() where org_id = :orgId and id = :id and status <> 'resolved'")
  int resolve(UUID orgId, UUID id, UUID userId, String note);
}
