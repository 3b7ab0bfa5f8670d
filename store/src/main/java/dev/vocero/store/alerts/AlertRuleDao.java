package dev.vocero.store.alerts;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(AlertRuleRow.class)
public interface AlertRuleDao {
  String COLUMNS = "id, org_id, name, kind, pattern, threshold, speaker, first_minutes, last_minutes, in_question,"
      + " severity, enabled, created_at, updated_at";

  @SqlQuery("select " + COLUMNS + " from alert_rules where org_id = :orgId order by created_at, id")
  List<AlertRuleRow> list(UUID orgId);

  @SqlQuery("select " + COLUMNS + " from alert_rules where org_id = :orgId and enabled order by created_at, id")
  List<AlertRuleRow> listEnabled(UUID orgId);

  @SqlQuery("select " + COLUMNS + " from alert_rules where org_id = :orgId and id = :id")
  Optional<AlertRuleRow> find(UUID orgId, UUID id);

  @SqlQuery("select count(*) from alert_rules where org_id = :orgId")
  int count(UUID orgId);

  @SqlUpdate("insert into alert_rules (id, org_id, name, kind, pattern, threshold, speaker, first_minutes, last_minutes,"
      + " in_question, severity, enabled) values (:r.id, :r.orgId, :r.name, :r.kind, :r.pattern, :r.threshold, :r.speaker,"
      + " :r.firstMinutes, :r.lastMinutes, :r.inQuestion, :r.severity, :r.enabled)")
  void insert(@BindMethods("r") AlertRuleRow rule);

  @SqlUpdate("update alert_rules set name = :r.name, kind = :r.kind, pattern = :r.pattern, threshold = :r.threshold,"
      + " speaker = :r.speaker, first_minutes = :r.firstMinutes, last_minutes = :r.lastMinutes,"
      + " in_question = :r.inQuestion, severity = :r.severity, enabled = :r.enabled, updated_at = now()"
      + " where org_id = :r.orgId and id = :r.id")
  int update(@BindMethods("r") AlertRuleRow rule);

  @SqlUpdate("delete from alert_rules where org_id = :orgId and id = :id")
  int delete(UUID orgId, UUID id);
}
