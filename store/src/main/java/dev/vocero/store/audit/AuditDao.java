package dev.vocero.store.audit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The audit trail: append and read, nothing else (the table's trigger refuses UPDATE and DELETE anyway). */
@RegisterConstructorMapper(AuditEntry.class)
public interface AuditDao {
  String FILTER = " where org_id = :orgId"
      + " and (cast(:actorId as uuid) is null or actor_id = cast(:actorId as uuid))"
      + " and (cast(:objectType as text) is null or object_type = :objectType)"
      + " and (cast(:objectId as text) is null or object_id = :objectId)"
      + " and (cast(:action as text) is null or action = :action)"
      + " and (cast(:from as timestamptz) is null or at >= cast(:from as timestamptz))"
      + " and (cast(:to as timestamptz) is null or cast(:to as timestamptz) > at)";

  /** What to look for; every field may be null (no filter). */
  record Filter(UUID orgId, UUID actorId, String objectType, String objectId, String action, Instant from, Instant to) {}

  @SqlUpdate("insert into audit_log (org_id, actor_type, actor_id, actor_label, action, object_type, object_id, changes,"
      + " status, client_ip) values (:orgId, :actorType, :actorId, :actorLabel, :action, :objectType, :objectId,"
      + " cast(:changes as jsonb), :status, :clientIp)")
  void append(@BindMethods AuditEntry entry);

  @SqlQuery("select id, at, org_id, actor_type, actor_id, actor_label, action, object_type, object_id,"
      + " changes::text as changes, status, client_ip from audit_log" + FILTER
      + " order by at desc, id desc limit :limit offset :offset")
  List<AuditEntry> page(@BindMethods Filter filter, int limit, int offset);

  @SqlQuery("select count(*) from audit_log" + FILTER)
  long count(@BindMethods Filter filter);

  /** A JSON snapshot of one row, for the before/after of a change; {@code table} and {@code idColumn} are constants. */
  @SqlQuery("select to_jsonb(t)::text from <table> t where t.<orgColumn> = :orgId and t.<idColumn>::text = :id")
  Optional<String> snapshot(@Define String table, @Define String orgColumn, @Define String idColumn, UUID orgId,
      String id);
}
