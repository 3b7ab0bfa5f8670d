package dev.vocero.credits;

import dev.vocero.store.SharedDaos;
import dev.vocero.store.credits.CreditAccount;
import dev.vocero.store.credits.CreditDao;
import dev.vocero.store.credits.LedgerEntry;

import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The credit operations, each one transaction that first locks the organization's account row, so concurrent
 * reservations queue behind each other and can never overdraw, and a retried reference finds its earlier entry.
 */
public final class CreditLedger {
  public static final String TOPUP = "topup";
  public static final String RESERVE = "reserve";
  public static final String SETTLE = "settle";
  public static final String RELEASE = "release";

  private final Jdbi jdbi;

  public CreditLedger(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public enum ReservationStatus { GRANTED, INSUFFICIENT, NOT_ENFORCED }

  /** {@code available} is what the account had left after (or, when refused, before) this reservation. */
  public record Reservation(ReservationStatus status, long amount, long available) {}

  /** {@code charged} = cost of the call; {@code released} = the part of the reservation given back. */
  public record Settlement(boolean reserved, long charged, long released) {}

  public record Topup(LedgerEntry entry, boolean duplicate, CreditAccount account) {}

  public Optional<CreditAccount> account(UUID orgId) {
    return SharedDaos.of(jdbi).with(CreditDao.class, dao -> dao.account(orgId));
  }

  /** Adds credits; with an idempotency key, a repeated top-up returns the first one instead of adding again. */
  public Topup topup(UUID orgId, long amount, String idempotencyKey, UUID createdBy, String note) {
    if (amount <= 0) {
      throw new IllegalArgumentException("a top-up must be positive");
    }
    return jdbi.inTransaction(handle -> {
      CreditDao dao = lock(handle, orgId);
      if (idempotencyKey != null) {
        Optional<LedgerEntry> earlier = dao.find(orgId, TOPUP, idempotencyKey);
        if (earlier.isPresent()) {
          return new Topup(earlier.get(), true, dao.account(orgId).orElseThrow());
        }
      }
      dao.append(orgId, TOPUP, amount, idempotencyKey, createdBy, note);
      dao.move(orgId, amount, 0);
      LedgerEntry entry = dao.page(orgId, 1, 0).get(0);
      return new Topup(entry, false, dao.account(orgId).orElseThrow());
    });
  }

  /**
   * Holds {@code amount} for {@code reference} (an attempt id) when the account is enforced and can cover it. A
   * retry with the same reference returns the first reservation; an account that is not enforced is never limited.
   */
  public Reservation reserve(UUID orgId, String reference, long amount) {
    return jdbi.inTransaction(handle -> {
      CreditDao dao = lock(handle, orgId);
      CreditAccount account = dao.account(orgId).orElseThrow(() -> new IllegalStateException("no organization " + orgId));
      if (!account.enforced()) {
        return new Reservation(ReservationStatus.NOT_ENFORCED, 0, account.available());
      }
      Optional<LedgerEntry> earlier = dao.find(orgId, RESERVE, reference);
      if (earlier.isPresent()) {
        return new Reservation(ReservationStatus.GRANTED, earlier.get().amount(), account.available());
      }
      if (dao.hold(orgId, amount) == 0) {
        return new Reservation(ReservationStatus.INSUFFICIENT, 0, account.available());
      }
      dao.append(orgId, RESERVE, amount, reference, null, null);
      return new Reservation(ReservationStatus.GRANTED, amount, account.available() - amount);
    });
  }

  /**
   * Charges {@code cost} for the reserved {@code reference} and releases its whole reservation (the charge may exceed
   * it: a call is never cut short). Nothing happens without a reservation; a retry changes nothing.
   */
  public Settlement settle(UUID orgId, String reference, long cost, String note) {
    return jdbi.inTransaction(handle -> settleIn(handle, orgId, reference, cost, note));
  }

  /** {@link #settle} inside the caller's transaction, so the charge commits with the change that caused it. */
  public static Settlement settleIn(Handle handle, UUID orgId, String reference, long cost, String note) {
    if (SharedDaos.attach(handle, CreditDao.class).find(orgId, RESERVE, reference).isEmpty()) {
      return new Settlement(false, 0, 0); // nothing held (e.g. not enforced): no need to lock the account
    }
    CreditDao dao = lock(handle, orgId);
    long held = dao.find(orgId, RESERVE, reference).orElseThrow().amount();
    Optional<LedgerEntry> earlier = dao.find(orgId, SETTLE, reference);
    if (earlier.isPresent()) {
      return new Settlement(true, earlier.get().amount(), Math.max(0, held - earlier.get().amount()));
    }
    if (dao.find(orgId, RELEASE, reference).isPresent()) {
      return new Settlement(true, 0, held); // released whole earlier: it was never delivered
    }
    long released = Math.max(0, held - cost);
    dao.append(orgId, SETTLE, cost, reference, null, note);
    if (released > 0) {
      dao.append(orgId, RELEASE, released, reference, null, null);
    }
    dao.move(orgId, -cost, held);
    return new Settlement(true, cost, released);
  }

  /**
   * Gives the whole reservation of {@code reference} back without a charge (what it paid for never happened). True
   * when this call released it; a retry, or a reference already settled or never reserved, changes nothing.
   */
  public boolean release(UUID orgId, String reference, String note) {
    return jdbi.inTransaction(handle -> releaseIn(handle, orgId, reference, note));
  }

  /** {@link #release} inside the caller's transaction. */
  public static boolean releaseIn(Handle handle, UUID orgId, String reference, String note) {
    if (SharedDaos.attach(handle, CreditDao.class).find(orgId, RESERVE, reference).isEmpty()) {
      return false;
    }
    CreditDao dao = lock(handle, orgId);
    if (dao.find(orgId, SETTLE, reference).isPresent() || dao.find(orgId, RELEASE, reference).isPresent()) {
      return false;
    }
    long held = dao.find(orgId, RESERVE, reference).orElseThrow().amount();
    dao.append(orgId, RELEASE, held, reference, null, note);
    dao.move(orgId, 0, held);
    return true;
  }

  public boolean setEnforced(UUID orgId, boolean enforced) {
    return SharedDaos.of(jdbi).with(CreditDao.class, dao -> dao.setEnforced(orgId, enforced)) == 1;
  }

  private static CreditDao lock(Handle handle, UUID orgId) {
    CreditDao dao = SharedDaos.attach(handle, CreditDao.class);
    dao.ensureAccount(orgId);
    handle.createQuery("select org_id from credit_accounts where org_id = :orgId for update")
        .bind("orgId", orgId).mapTo(UUID.class).one();
    return dao;
  }
}
