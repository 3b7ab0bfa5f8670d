package dev.vocero.store.credits;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Single statements of the credit ledger; the credits module's CreditLedger combines them in transactions. */
@RegisterConstructorMapper(LedgerEntry.class)
public interface CreditDao {

  @SqlQuery("select o.id as org_id, coalesce(a.balance, 0) as balance, coalesce(a.reserved, 0) as reserved,"
      + " o.credits_enforced as enforced from organizations o left join credit_accounts a on a.org_id = o.id"
      + " where o.id = :orgId")
  @RegisterConstructorMapper(CreditAccount.class)
  Optional<CreditAccount> account(UUID orgId);

  @SqlUpdate("insert into credit_accounts (org_id) values (:orgId) on conflict (org_id) do nothing")
  void ensureAccount(UUID orgId);

  @SqlUpdate("update organizations set credits_enforced = :enforced where id = :orgId")
  int setEnforced(UUID orgId, boolean enforced);

  /** 0 when an entry of this kind and reference exists already (the retry of an earlier call). */
  @SqlUpdate("insert into credit_ledger (org_id, kind, amount, reference, created_by, note)"
      + " values (:orgId, :kind, :amount, :reference, :createdBy, :note)"
      + " on conflict (org_id, kind, reference) where reference is not null do nothing")
  int append(UUID orgId, String kind, long amount, String reference, UUID createdBy, String note);

  @SqlQuery("select id, kind, amount, reference, created_by, created_at, note from credit_ledger"
      + " where org_id = :orgId and kind = :kind and reference = :reference")
  Optional<LedgerEntry> find(UUID orgId, String kind, String reference);

  /** The reservation guard: holds credits only when the available amount covers them (one atomic statement). */
  @SqlUpdate("update credit_accounts set reserved = reserved + :amount, updated_at = now()"
      + " where org_id = :orgId and balance - reserved >= :amount")
  int hold(UUID orgId, long amount);

  @SqlUpdate("update credit_accounts set balance = balance + :balanceDelta, reserved = reserved - :released,"
      + " updated_at = now() where org_id = :orgId")
  int move(UUID orgId, long balanceDelta, long released);

  @SqlQuery("select id, kind, amount, reference, created_by, created_at, note from credit_ledger"
      + " where org_id = :orgId order by id desc limit :limit offset :offset")
  List<LedgerEntry> page(UUID orgId, int limit, int offset);

  @SqlQuery("select count(*) from credit_ledger where org_id = :orgId")
  long count(UUID orgId);
}
