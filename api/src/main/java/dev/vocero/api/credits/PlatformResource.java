package dev.vocero.api.credits;

import dev.vocero.api.auth.PlatformOperators;
import dev.vocero.api.auth.Role;
import dev.vocero.api.auth.VoceroPrincipal;
import dev.vocero.api.errors.ApiException;
import dev.vocero.store.accounts.OrganizationDao;
import dev.vocero.store.credits.CreditLedger;
import dev.vocero.store.credits.CreditPrices;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** What the platform's operators do across organizations: see them with their credits, top them up, enforce. */
@Path("/api/v1/platform/organizations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.VIEWER_OR_ABOVE)
public class PlatformResource {
  private final Jdbi jdbi;
  private final CreditAdministration administration;
  private final PlatformOperators operators;
  private final CreditPrices prices;

  public PlatformResource(Jdbi jdbi, CreditPrices prices, PlatformOperators operators) {
    this.jdbi = jdbi;
    this.administration = new CreditAdministration(new CreditLedger(jdbi), prices, operators);
    this.operators = operators;
    this.prices = prices;
  }

  public record Organization(UUID id, String name, Instant createdAt, CreditViews.Balance credits) {}

  public record Organizations(List<Organization> items, int page, int pageSize) {}

  @GET
  public Organizations list(@Auth VoceroPrincipal caller, @QueryParam("page") @DefaultValue("1") int page,
      @QueryParam("pageSize") @DefaultValue("50") int pageSize) {
    operators.require(caller);
    if (page < 1 || page > 10_000 || pageSize < 1 || pageSize > 100) {
      throw ApiException.unprocessable("invalid_paging", "page must be 1 to 10000 and pageSize between 1 and 100.");
    }
    List<Organization> items = jdbi.withExtension(OrganizationDao.class, dao -> dao.page(pageSize, (page - 1L) * pageSize))
        .stream()
        .map(org -> new Organization(org.id(), org.name(), org.createdAt(),
            CreditViews.Balance.of(administration.account(org.id()), prices)))
        .toList();
    return new Organizations(items, page, pageSize);
  }

  @POST
  @Path("/{orgId}/topup")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response topup(@Auth VoceroPrincipal caller, @PathParam("orgId") UUID orgId,
      @HeaderParam(AccountResource.IDEMPOTENCY_KEY) String key, @NotNull @Valid CreditAdministration.TopupRequest body) {
    return administration.topup(caller, orgId, key, body);
  }

  @PUT
  @Path("/{orgId}/enforcement")
  @Consumes(MediaType.APPLICATION_JSON)
  public CreditViews.Balance enforcement(@Auth VoceroPrincipal caller, @PathParam("orgId") UUID orgId,
      @NotNull @Valid CreditAdministration.EnforcementRequest body) {
    return administration.enforcement(caller, orgId, body);
  }
}
