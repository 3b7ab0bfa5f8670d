package dev.vocero.store.persons;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/** Persons, the contacts that are one of them, and the contact gate's ledger. */
@RegisterConstructorMapper(PersonContactRow.class)
public interface PersonDao {
  String LEDGER = "id, person_id, channel, decision, rule_id, policy, reason, outcome, not_before, batch_id, wave_id,"
      + " contact_id, attempt_id, message_id, phone_masked, at";
  String KEY = "coalesce(c.person_hash, 'row:' || c.id)";

  /** A decision to store; the ledger row of an allowed contact counts until its outcome says otherwise. */
  record Entry(long personId, String channel, String decision, String ruleId, String policy, String reason,
      Instant notBefore, UUID batchId, UUID waveId, Long contactId, UUID attemptId, UUID messageId, String phoneMasked,
      Instant at) {}

  @SqlUpdate("insert into persons (org_id, key_kind, key_hash) select distinct c.org_id, coalesce(c.person_kind, 'row'), "
      + KEY + " from contacts c where c.org_id = :orgId and c.batch_id = :batchId and c.person_id is null"
      + " on conflict (org_id, key_hash) do nothing")
  void insertPersonsOfBatch(UUID orgId, UUID batchId);

  @SqlUpdate("update contacts c set person_id = p.id from persons p where c.org_id = :orgId and c.batch_id = :batchId"
      + " and c.person_id is null and p.org_id = c.org_id and p.key_hash = " + KEY)
  void linkContactsOfBatch(UUID orgId, UUID batchId);

  /** Gives every contact of the batch its person, making the persons not seen before. */
  @Transaction
  default void attachBatch(UUID orgId, UUID batchId) {
    insertPersonsOfBatch(orgId, batchId);
    linkContactsOfBatch(orgId, batchId);
  }

  @SqlQuery("select person_id from contacts where org_id = :orgId and id = :contactId and person_id is not null")
  Optional<Long> personOf(UUID orgId, long contactId);

  /** Locks the person until the transaction ends: one gate decision at a time per person. */
  @SqlQuery("select id from persons where org_id = :orgId and id = :personId for update")
  Optional<Long> lock(UUID orgId, long personId);

  @SqlQuery("select exists (select 1 from persons where org_id = :orgId and id = :personId)")
  boolean exists(UUID orgId, long personId);

  @SqlQuery("select " + LEDGER + " from person_contacts where person_id = :personId and decision = 'allow'"
      + " and at > :since order by at, id")
  List<PersonContactRow> allowedSince(long personId, Instant since);

  /** An existing person of the organisation and its key hash. */
  record PersonRef(long id, String keyHash) {}

  /** The organisation's persons among {@code keyHashes} (a dry run looks up who a list's rows already are). */
  @SqlQuery("select id, key_hash from persons where org_id = :orgId and key_hash = any(:keyHashes)")
  @RegisterConstructorMapper(PersonRef.class)
  List<PersonRef> byKeyHashes(UUID orgId, String[] keyHashes);

  /** The allowed contacts of several persons since {@code since}, oldest first. */
  @SqlQuery("select " + LEDGER + " from person_contacts where person_id = any(:personIds) and decision = 'allow'"
      + " and at > :since order by at, id")
  List<PersonContactRow> allowedOfPersonsSince(long[] personIds, Instant since);

  @SqlQuery("select " + LEDGER + " from person_contacts where attempt_id = :attemptId")
  Optional<PersonContactRow> findByAttempt(UUID attemptId);

  @SqlQuery("select " + LEDGER + " from person_contacts where message_id = :messageId")
  Optional<PersonContactRow> findByMessage(UUID messageId);

  @SqlUpdate("insert into person_contacts (org_id, person_id, channel, decision, rule_id, policy, reason, not_before,"
      + " batch_id, wave_id, contact_id, attempt_id, message_id, phone_masked, at) values (:orgId, :e.personId,"
      + " :e.channel, :e.decision, :e.ruleId, :e.policy, :e.reason, :e.notBefore, :e.batchId, :e.waveId, :e.contactId,"
      + " :e.attemptId, :e.messageId, :e.phoneMasked, :e.at)")
  @GetGeneratedKeys("id")
  long insert(UUID orgId, @BindMethods("e") Entry e);

  @SqlUpdate("update person_contacts set outcome = :outcome where org_id = :orgId and attempt_id = :attemptId")
  int setAttemptOutcome(UUID orgId, UUID attemptId, String outcome);

  @SqlUpdate("update person_contacts set outcome = :outcome where org_id = :orgId and message_id = :messageId")
  int setMessageOutcome(UUID orgId, UUID messageId, String outcome);

  @SqlQuery("select " + LEDGER + " from person_contacts where org_id = :orgId and person_id = :personId"
      + " order by at desc, id desc limit :limit offset :offset")
  List<PersonContactRow> list(UUID orgId, long personId, int limit, int offset);

  @SqlQuery("select count(*) from person_contacts where org_id = :orgId and person_id = :personId")
  long count(UUID orgId, long personId);

  /**
   * Retention: forgets the decisions older than {@code before} taken under any version of {@code jurisdiction}'s policy
   * (stored as {@code CC@version}, tightened ones as {@code CC@version+batch}); the caller keeps the legal floor.
   */
  @SqlUpdate("delete from person_contacts where split_part(policy, '@', 1) = :jurisdiction and at < :before")
  int purge(String jurisdiction, Instant before);
}
