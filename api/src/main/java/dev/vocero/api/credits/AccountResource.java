package dev.vocero.api.credits;

import dev.vocero.api.auth.Role;
import dev.vocero.api.auth.VoceroPrincipal;
import dev.vocero.api.errors.ApiException;
import dev.vocero.store.credits.CreditAccount;
import dev.vocero.store.credits.CreditDao;
import dev.vocero.store.credits.CreditLedger;
import dev.vocero.store.credits.CreditPrices;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jdbi.v3.core.Jdbi;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;

/** The organization's prepaid credits: balance, ledger, top-ups and whether calls are limited by them. */
@Path("/api/v1/accounts")
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {
  static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  private static final long MAX_TOPUP = 1_000_000_000L;

  private final Jdbi jdbi;
  private final CreditLedger ledger;
  private final CreditPrices prices;

  public AccountResource(Jdbi jdbi, CreditPrices prices) {
    this.jdbi = jdbi;
    this.ledger = new CreditLedger(jdbi);
    this.prices = prices;
  }

  public record TopupRequest(@NotNull @Min(1) @Max(MAX_TOPUP) Long amount, @NotBlank @Size(max = 500) String note) {}

  public record EnforcementRequest(@NotNull Boolean enforced) {}

  @GET
  @Path("/balance")
  @RolesAllowed(Role.VIEWER_OR_ABOVE)
  public CreditViews.Balance balance(@Auth VoceroPrincipal caller) {
    return CreditViews.Balance.of(account(caller), prices);
  }

  @GET
  @Path("/transactions")
  @RolesAllowed(Role.VIEWER_OR_ABOVE)
  public CreditViews.Transactions transactions(@Auth VoceroPrincipal caller,
      @QueryParam("page") @DefaultValue("1") int page, @QueryParam("pageSize") @DefaultValue("50") int pageSize) {
    if (page < 1 || pageSize < 1 || pageSize > 500) {
      throw ApiException.unprocessable("invalid_paging", "page must be 1 or more and pageSize between 1 and 500.");
    }
    return jdbi.withExtension(CreditDao.class, dao -> new CreditViews.Transactions(
        dao.page(caller.orgId(), pageSize, (page - 1) * pageSize), page, pageSize, dao.count(caller.orgId())));
  }

  /** 201 for a new top-up; 200 with {@code duplicate: true} when the Idempotency-Key was already used. */
  @POST
  @Path("/topup")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.ADMIN_ONLY)
  @ApiResponse(responseCode = "201", description = "Created",
      content = @Content(schema = @Schema(implementation = CreditViews.TopupResult.class)))
  @ApiResponse(responseCode = "200", description = "A repeated Idempotency-Key: the first top-up",
      content = @Content(schema = @Schema(implementation = CreditViews.TopupResult.class)))
  public Response topup(@Auth VoceroPrincipal caller, @HeaderParam(IDEMPOTENCY_KEY) String key,
      @NotNull @Valid TopupRequest body) {
    if (key != null && (key.isBlank() || key.length() > 200)) {
      throw ApiException.unprocessable("invalid_idempotency_key",
          "The Idempotency-Key header must be 1 to 200 characters (or left out).");
    }
    CreditLedger.Topup topup = ledger.topup(caller.orgId(), body.amount(), key, caller.userId(), body.note().strip());
    CreditViews.TopupResult result = new CreditViews.TopupResult(topup.entry(), topup.duplicate(),
        CreditViews.Balance.of(topup.account(), prices));
    return Response.status(topup.duplicate() ? 200 : 201).entity(result).build();
  }

  /** Turns the limit on or off; while off, calls are neither held nor charged. */
  @PUT
  @Path("/enforcement")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.ADMIN_ONLY)
  public CreditViews.Balance enforcement(@Auth VoceroPrincipal caller, @NotNull @Valid EnforcementRequest body) {
    ledger.setEnforced(caller.orgId(), body.enforced());
    return CreditViews.Balance.of(account(caller), prices);
  }

  private CreditAccount account(VoceroPrincipal caller) {
    return ledger.account(caller.orgId()).orElseThrow(() -> ApiException.notFound("Organization"));
  }
}
