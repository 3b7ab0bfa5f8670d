package dev.vocero.api.calls;

import dev.vocero.api.auth.Role;
import dev.vocero.api.auth.VoceroPrincipal;
import dev.vocero.api.errors.ApiError;
import dev.vocero.api.errors.ApiException;
import dev.vocero.domain.phones.PhoneNumbers;
import dev.vocero.api.paging.Page;
import dev.vocero.api.paging.PageParams;
import dev.vocero.api.paging.PageRequest;
import dev.vocero.store.SharedDaos;
import dev.vocero.store.calls.DncDao;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;

/** The organization's do-not-call list: numbers never dialed by any batch. */
@Path("/api/v1/dnc")
@Produces(MediaType.APPLICATION_JSON)
public class DncResource {
  private static final int MAX_BULK = 100_000;
  private final Jdbi jdbi;

  public DncResource(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public record AddNumber(@NotBlank String phone, @Size(max = 500) String reason, @Size(min = 2, max = 2) String region) {}

  public record BulkImport(@NotNull @Size(max = MAX_BULK) List<String> phones, @Size(max = 500) String reason,
      @Size(min = 2, max = 2) String region) {}

  public record BulkResult(int added, int alreadyListed, List<ApiError.Detail> invalid) {}

  @GET
  @RolesAllowed(Role.VIEWER_OR_ABOVE)
  public Page<DncDao.Entry> list(@Auth VoceroPrincipal caller, @Valid @BeanParam PageParams paging) {
    PageRequest page = paging.withDefaultSize(50);
    return SharedDaos.of(jdbi).with(DncDao.class, dao ->
        page.of(dao.list(caller.orgId(), page.pageSize(), page.offset()), dao.count(caller.orgId())));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.OPERATOR_OR_ABOVE)
  @ApiResponse(responseCode = "201", description = "Created",
      content = @Content(schema = @Schema(implementation = BulkResult.class)))
  @ApiResponse(responseCode = "200", description = "Already listed",
      content = @Content(schema = @Schema(implementation = BulkResult.class)))
  public Response add(@Auth VoceroPrincipal caller, @NotNull @Valid AddNumber body) {
    String phone = PhoneNumbers.e164(body.phone(), region(body.region())).orElseThrow(() ->
        ApiException.unprocessable("invalid_phone", "'" + body.phone() + "' is not a valid phone number"
            + " (give it in international form, e.g. +57 300 123 4567, or pass region)."));
    int added = SharedDaos.of(jdbi).with(DncDao.class, dao -> dao.add(caller.orgId(), phone, body.reason(), "api"));
    return Response.status(added == 1 ? 201 : 200).entity(new BulkResult(added, 1 - added, List.of())).build();
  }

  @POST
  @Path("/import")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.OPERATOR_OR_ABOVE)
  public BulkResult bulk(@Auth VoceroPrincipal caller, @NotNull @Valid BulkImport body) {
    Set<String> valid = new LinkedHashSet<>();
    List<ApiError.Detail> invalid = new ArrayList<>();
    for (int i = 0; i < body.phones().size(); i++) {
      String raw = body.phones().get(i);
      PhoneNumbers.e164(raw, region(body.region())).ifPresentOrElse(valid::add,
          () -> invalid.add(new ApiError.Detail("phones[" + invalid.size() + "]", "invalid_phone", "not a valid number: " + raw)));
    }
    int added = jdbi.inTransaction(handle -> {
      int[] counts = SharedDaos.attach(handle, DncDao.class).addAll(caller.orgId(), List.copyOf(valid), body.reason(), "import");
      int sum = 0;
      for (int c : counts) {
        sum += c;
      }
      return sum;
    });
    return new BulkResult(added, valid.size() - added, invalid);
  }

  @DELETE
  @Path("/{phone}")
  @RolesAllowed(Role.OPERATOR_OR_ABOVE)
  public Response remove(@Auth VoceroPrincipal caller, @PathParam("phone") String raw) {
    String phone = PhoneNumbers.e164(raw, null).orElseThrow(() -> ApiException.notFound("Number " + raw));
    if (SharedDaos.of(jdbi).with(DncDao.class, dao -> dao.remove(caller.orgId(), phone)) == 0) {
      throw ApiException.notFound("Number " + raw + " on the do-not-call list");
    }
    return Response.noContent().build();
  }

  private static String region(String region) {
    return region == null ? null : region.toUpperCase(java.util.Locale.ROOT);
  }
}
