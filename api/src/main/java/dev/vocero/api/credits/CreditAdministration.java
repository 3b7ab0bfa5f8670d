package dev.vocero.api.credits;

import dev.vocero.api.auth.PlatformOperators;
import dev.vocero.api.auth.VoceroPrincipal;
import dev.vocero.api.errors.ApiException;
import dev.vocero.store.credits.CreditAccount;
import dev.vocero.credits.CreditLedger;
import dev.vocero.domain.credits.CreditPrices;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/** Top-ups and enforcement of an organization's credits: a platform operator's acts, never an organization admin's. */
final class CreditAdministration {
  static final long MAX_TOPUP = 1_000_000_000L;

  private final CreditLedger ledger;
  private final CreditPrices prices;
  private final PlatformOperators operators;

  CreditAdministration(CreditLedger ledger, CreditPrices prices, PlatformOperators operators) {
    this.ledger = ledger;
    this.prices = prices;
    this.operators = operators;
  }

  public record TopupRequest(@NotNull @Min(1) @Max(MAX_TOPUP) Long amount, @NotBlank @Size(max = 500) String note) {}

  public record EnforcementRequest(@NotNull Boolean enforced) {}

  /** 201 for a new top-up; 200 with {@code duplicate: true} when the Idempotency-Key was already used. */
  Response topup(VoceroPrincipal caller, UUID orgId, String idempotencyKey, TopupRequest body) {
    operators.require(caller);
    if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
      throw ApiException.unprocessable("invalid_idempotency_key",
          "The Idempotency-Key header must be 1 to 200 characters (or left out).");
    }
    account(orgId);
    CreditLedger.Topup topup = ledger.topup(orgId, body.amount(), idempotencyKey, caller.userId(), body.note().strip());
    CreditViews.TopupResult result = new CreditViews.TopupResult(topup.entry(), topup.duplicate(),
        CreditViews.Balance.of(topup.account(), prices));
    return Response.status(topup.duplicate() ? 200 : 201).entity(result).build();
  }

  /** Turns the limit on or off; while off, calls are neither held nor charged. */
  CreditViews.Balance enforcement(VoceroPrincipal caller, UUID orgId, EnforcementRequest body) {
    operators.require(caller);
    account(orgId);
    ledger.setEnforced(orgId, body.enforced());
    return CreditViews.Balance.of(account(orgId), prices);
  }

  CreditAccount account(UUID orgId) {
    return ledger.account(orgId).orElseThrow(() -> ApiException.notFound("Organization"));
  }
}
