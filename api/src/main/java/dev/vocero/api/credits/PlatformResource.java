package dev.vocero.api.credits;

import dev.vocero.api.auth.PlatformOperators;
import dev.vocero.api.auth.Role;
import dev.vocero.api.auth.VoceroPrincipal;
import dev.vocero.api.errors.ApiException;
import dev.vocero.api.errors.ApiError;
import dev.vocero.api.paging.Page;
import dev.vocero.api.paging.PageParams;
import dev.vocero.api.paging.PageRequest;
import dev.vocero.store.SharedDaos;
import dev.vocero.store.accounts.OrganizationDao;
import dev.vocero.store.accounts.OrganizationNumberDao;
import dev.vocero.credits.CreditLedger;
import dev.vocero.domain.credits.CreditPrices;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * What the platform's operators do across organizations: see them with their credits, top them up, enforce, and give
 * them their own numbers (so their conversations stay theirs).
 */
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

  @GET
  public Page<Organization> list(@Auth VoceroPrincipal caller, @Valid @BeanParam PageParams paging) {
    operators.require(caller);
    PageRequest page = paging.withDefaultSize(50);
    List<Organization> items = SharedDaos.of(jdbi).with(OrganizationDao.class, dao -> dao.page(page.pageSize(), page.offset()))
        .stream()
        .map(org -> new Organization(org.id(), org.name(), org.createdAt(),
            CreditViews.Balance.of(administration.account(org.id()), prices)))
        .toList();
    return page.of(items);
  }

  public record Numbers(UUID organizationId, List<String> numbers) {}

  /** The numbers the organization calls and messages from; inbound messages to them reach it alone. */
  @GET
  @Path("/{orgId}/numbers")
  public Numbers numbers(@Auth VoceroPrincipal caller, @PathParam("orgId") UUID orgId) {
    operators.require(caller);
    administration.account(orgId);
    return new Numbers(orgId, SharedDaos.of(jdbi).with(OrganizationNumberDao.class, dao -> dao.numbers(orgId)));
  }

  /** 201 when added, 200 when it was already the organization's, 409 {@code number_taken} when another's. */
  @PUT
  @Path("/{orgId}/numbers/{number}")
  public Response addNumber(@Auth VoceroPrincipal caller, @PathParam("orgId") UUID orgId,
      @PathParam("number") String number) {
    operators.require(caller);
    administration.account(orgId);
    String e164 = e164(number);
    int added = SharedDaos.of(jdbi).with(OrganizationNumberDao.class, dao -> dao.add(orgId, e164));
    UUID owner = SharedDaos.of(jdbi).with(OrganizationNumberDao.class, dao -> dao.owner(e164)).orElseThrow();
    if (!owner.equals(orgId)) {
      throw ApiException.conflict("number_taken", "This number belongs to another organization; remove it there first.");
    }
    return Response.status(added == 1 ? 201 : 200).entity(numbers(caller, orgId)).build();
  }

  @DELETE
  @Path("/{orgId}/numbers/{number}")
  public Response removeNumber(@Auth VoceroPrincipal caller, @PathParam("orgId") UUID orgId,
      @PathParam("number") String number) {
    operators.require(caller);
    String e164 = e164(number);
    int removed = SharedDaos.of(jdbi).with(OrganizationNumberDao.class, dao -> dao.remove(orgId, e164));
    if (removed == 0) {
      throw ApiException.notFound("Number " + e164 + " of organization " + orgId);
    }
    return Response.noContent().build();
  }

  private static String e164(String number) {
    String trimmed = number == null ? "" : number.trim();
    if (!trimmed.matches("\\+[1-9]\\d{6,14}")) {
      throw new ApiException(422, "invalid_number", "The number must be in E.164 form, e.g. +573001234567.",
          List.of(new ApiError.Detail("number", "e164", "an E.164 number: +, country code, 7 to 15 digits")), null);
    }
    return trimmed;
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
