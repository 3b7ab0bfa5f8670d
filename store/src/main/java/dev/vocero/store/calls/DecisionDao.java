package dev.vocero.store.calls;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(DecisionDao.Decision.class)
public interface DecisionDao {

  record Decision(long id, long contactId, UUID attemptId, String decision, String reason, Instant at) {}

  @SqlUpdate("insert into call_decisions (org_id, batch_id, contact_id, attempt_id, decision, reason)"
      + " values (:orgId, :batchId, :contactId, :attemptId, :decision, :reason)")
  void insert(UUID orgId, UUID batchId, long contactId, UUID attemptId, String decision, String reason);

  /** As {@link #insert}, naming the contact policy's rule that took the decision. */
  @SqlUpdate("insert into call_decisions (org_id, batch_id, contact_id, attempt_id, decision, reason, rule_id)"
      + " values (:orgId, :batchId, :contactId, :attemptId, :decision, :reason, :ruleId)")
  void insertWithRule(UUID orgId, UUID batchId, long contactId, UUID attemptId, String decision, String reason,
      String ruleId);

  @SqlQuery("select id, contact_id, attempt_id, decision, reason, at from call_decisions"
      + " where org_id = :orgId and contact_id = :contactId order by id")
  List<Decision> listForContact(UUID orgId, long contactId);
}
