package dev.vocero.api.alerts;

import dev.vocero.api.auth.Role;
import dev.vocero.api.auth.VoceroPrincipal;
import dev.vocero.api.errors.ApiException;
import dev.vocero.api.paging.Page;
import dev.vocero.api.paging.PageParams;
import dev.vocero.api.paging.PageRequest;
import dev.vocero.store.SharedDaos;
import dev.vocero.store.accounts.UserDao;
import dev.vocero.store.alerts.AlertDao;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** Alerts raised on the organization's audios: list and filter, assign to a colleague, resolve with a note. */
@Path("/api/v1/alerts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AlertResource {
  private static final Set<String> STATUSES = Set.of("open", "assigned", "resolved");
  private static final Set<String> SEVERITIES = Set.of("low", "medium", "high", "critical");

  private final Jdbi jdbi;

  public AlertResource(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public record AssignBody(@NotNull UUID userId) {}

  public record ResolveBody(@Size(max = 2000) String note) {}

  @GET
  @RolesAllowed(Role.VIEWER_OR_ABOVE)
  public Page<AlertViews.Alert> list(@Auth VoceroPrincipal caller, @QueryParam("status") String status,
      @QueryParam("severity") String severity, @QueryParam("audioId") String audioId,
      @Valid @BeanParam PageParams paging) {
    PageRequest page = paging.withDefaultSize(20);
    String statusFilter = oneOf("status", status, STATUSES);
    String severityFilter = oneOf("severity", severity, SEVERITIES);
    UUID audio = uuid(audioId);
    return SharedDaos.of(jdbi).with(AlertDao.class, dao -> page.of(
        dao.list(caller.orgId(), statusFilter, severityFilter, audio, page.pageSize(), page.offset()).stream()
            .map(AlertViews.Alert::of).toList(),
        dao.count(caller.orgId(), statusFilter, severityFilter, audio)));
  }

  @GET
  @Path("/{id}")
  @RolesAllowed(Role.VIEWER_OR_ABOVE)
  public AlertViews.Alert get(@Auth VoceroPrincipal caller, @PathParam("id") UUID id) {
    return AlertViews.Alert.of(SharedDaos.of(jdbi).with(AlertDao.class, dao -> dao.find(caller.orgId(), id))
        .orElseThrow(() -> ApiException.notFound("Alert " + id)));
  }

  @POST
  @Path("/{id}/assign")
  @RolesAllowed(Role.OPERATOR_OR_ABOVE)
  public AlertViews.Alert assign(@Auth VoceroPrincipal caller, @PathParam("id") UUID id, @NotNull @Valid AssignBody body) {
    return AlertViews.Alert.of(jdbi.inTransaction(handle -> {
      AlertDao alerts = SharedDaos.attach(handle, AlertDao.class);
      alerts.find(caller.orgId(), id).orElseThrow(() -> ApiException.notFound("Alert " + id));
      boolean colleague = SharedDaos.attach(handle, UserDao.class).find(caller.orgId(), body.userId()).filter(u -> u.active()).isPresent();
      if (!colleague) {
        throw ApiException.unprocessable("unknown_user",
            "userId must be an active user of your organization (see GET /api/v1/users).");
      }
      if (alerts.assign(caller.orgId(), id, body.userId()) == 0) {
        throw ApiException.conflict("alert_resolved", "Alert " + id + " is already resolved.");
      }
      return alerts.find(caller.orgId(), id).orElseThrow();
    }));
  }

  @POST
  @Path("/{id}/resolve")
  @RolesAllowed(Role.OPERATOR_OR_ABOVE)
  public AlertViews.Alert resolve(@Auth VoceroPrincipal caller, @PathParam("id") UUID id, @Valid ResolveBody body) {
    String note = body == null || body.note() == null || body.note().isBlank() ? null : body.note().strip();
    return AlertViews.Alert.of(jdbi.inTransaction(handle -> {
      AlertDao alerts = SharedDaos.attach(handle, AlertDao.class);
      alerts.find(caller.orgId(), id).orElseThrow(() -> ApiException.notFound("Alert " + id));
      if (alerts.resolve(caller.orgId(), id, caller.userId(), note) == 0) {
        throw ApiException.conflict("alert_resolved", "Alert " + id + " is already resolved.");
      }
      return alerts.find(caller.orgId(), id).orElseThrow();
    }));
  }

  private static String oneOf(String name, String value, Set<String> allowed) {
    if (value == null || value.isBlank()) {
      return null;
    }
    if (!allowed.contains(value)) {
      throw ApiException.invalidField("invalid_filter", name, "invalid_value", name + " must be one of "
          + String.join(", ", allowed.stream().sorted().toList()) + ".");
    }
    return value;
  }

  private static UUID uuid(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      throw ApiException.invalidField("invalid_filter", "audioId", "invalid_uuid", "audioId must be an audio id (a UUID).");
    }
  }
}
