package dev.vocero.api.credits;

import dev.vocero.api.auth.PlatformOperators;
import dev.vocero.api.auth.Role;
import dev.vocero.api.auth.VoceroPrincipal;
import dev.vocero.api.errors.ApiException;
import dev.vocero.api.paging.Page;
import dev.vocero.api.paging.PageParams;
import dev.vocero.api.paging.PageRequest;
import dev.vocero.store.SharedDaos;
import dev.vocero.store.credits.CreditDao;
import dev.vocero.credits.CreditLedger;
import dev.vocero.domain.credits.CreditPrices;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jdbi.v3.core.Jdbi;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The organization's prepaid credits: balance and ledger for its users; top-ups and whether calls are limited by them
 * for the platform's operators only (an organization's admin could otherwise give itself unlimited credit).
 */
@Path("/api/v1/accounts")
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {
  static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  private final Jdbi jdbi;
  private final CreditAdministration administration;
  private final CreditPrices prices;

  public AccountResource(Jdbi jdbi, CreditPrices prices, PlatformOperators operators) {
    this.jdbi = jdbi;
    this.administration = new CreditAdministration(new CreditLedger(jdbi), prices, operators);
    this.prices = prices;
  }

  @GET
  @Path("/balance")
  @RolesAllowed(Role.VIEWER_OR_ABOVE)
  public CreditViews.Balance balance(@Auth VoceroPrincipal caller) {
    return CreditViews.Balance.of(administration.account(caller.orgId()), prices);
  }

  @GET
  @Path("/transactions")
  @RolesAllowed(Role.VIEWER_OR_ABOVE)
  public Page<dev.vocero.store.credits.LedgerEntry> transactions(@Auth VoceroPrincipal caller, @Valid @BeanParam PageParams paging) {
    PageRequest page = paging.withDefaultSize(50);
    return SharedDaos.of(jdbi).with(CreditDao.class, dao ->
        page.of(dao.page(caller.orgId(), page.pageSize(), page.offset()), dao.count(caller.orgId())));
  }

  /** A platform operator topping up their own organization; any other, with /api/v1/platform/organizations. */
  @POST
  @Path("/topup")
  @Consumes(MediaType.APPLICATION_JSON)
  @ApiResponse(responseCode = "201", description = "Created",
      content = @Content(schema = @Schema(implementation = CreditViews.TopupResult.class)))
  @ApiResponse(responseCode = "200", description = "A repeated Idempotency-Key: the first top-up",
      content = @Content(schema = @Schema(implementation = CreditViews.TopupResult.class)))
  @RolesAllowed(Role.VIEWER_OR_ABOVE)
  public Response topup(@Auth VoceroPrincipal caller, @HeaderParam(IDEMPOTENCY_KEY) String key,
      @NotNull @Valid CreditAdministration.TopupRequest body) {
    return administration.topup(caller, caller.orgId(), key, body);
  }

  @PUT
  @Path("/enforcement")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.VIEWER_OR_ABOVE)
  public CreditViews.Balance enforcement(@Auth VoceroPrincipal caller,
      @NotNull @Valid CreditAdministration.EnforcementRequest body) {
    return administration.enforcement(caller, caller.orgId(), body);
  }
}
