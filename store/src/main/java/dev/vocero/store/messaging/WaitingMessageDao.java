package dev.vocero.store.messaging;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** A wave's messages the contact policy deferred ({@code pending} with {@link MessageDao#POLICY_WAIT}), by rule. */
public interface WaitingMessageDao {

  /**
   * {@code messages} waiting under {@code ruleId}; {@code from} and {@code until}: the earliest and latest time the
   * gate named in each one's last "wait" (null when the ledger has none, e.g. after the retention purge).
   */
  record WaitingRule(String ruleId, long messages, Instant from, Instant until) {}

  @RegisterConstructorMapper(WaitingRule.class)
  @SqlQuery("select m.rule_id, count(*) as messages, min(w.not_before) as \"from\", max(w.not_before) as until"
      + " from messages m left join contacts c on c.id = m.contact_id"
      + " left join lateral (select pc.not_before from person_contacts pc where pc.person_id = c.person_id"
      + "   and pc.wave_id = m.wave_id and pc.contact_id = m.contact_id and pc.decision = 'wait'"
      + "   order by pc.at desc limit 1) w on true"
      + " where m.org_id = :orgId and m.wave_id = :waveId and m.state = 'pending'"
      + " and m.error_code = '" + MessageDao.POLICY_WAIT + "' group by m.rule_id order by m.rule_id")
  List<WaitingRule> byRule(UUID orgId, UUID waveId);
}
