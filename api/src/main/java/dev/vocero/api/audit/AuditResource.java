package dev.vocero.api.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vocero.api.auth.Role;
import dev.vocero.api.auth.VoceroPrincipal;
import dev.vocero.api.errors.ApiException;
import dev.vocero.api.paging.PageParams;
import dev.vocero.api.paging.PageRequest;
import dev.vocero.store.SharedDaos;
import dev.vocero.store.audit.AuditDao;
import dev.vocero.store.audit.AuditEntry;
import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * The organization's audit trail, newest first, filtered by actor, object, action and time; as JSON pages or, with
 * {@code Accept: text/csv} or {@code ?format=csv}, every matching row (up to 100,000) as CSV.
 */
@Path("/api/v1/audit")
@RolesAllowed(Role.ADMIN_ONLY)
public class AuditResource {
  static final String CSV = "text/csv";
  private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("2101-01-01T00:00:00Z");
  private final Jdbi jdbi;
  private final ObjectMapper json;

  public AuditResource(Jdbi jdbi, ObjectMapper json) {
    this.jdbi = jdbi;
    this.json = json;
  }

  @GET
  @Produces({MediaType.APPLICATION_JSON, CSV})
  @ApiResponse(responseCode = "200", description = "The matching entries",
      content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuditViews.Entries.class)),
          @Content(mediaType = CSV, schema = @Schema(type = "string"))})
  public Response list(@Auth VoceroPrincipal admin, @QueryParam("actor") String actor,
      @QueryParam("objectType") String objectType, @QueryParam("objectId") String objectId,
      @QueryParam("action") String action, @QueryParam("from") String from, @QueryParam("to") String to,
      @QueryParam("format") String format, @Valid @BeanParam PageParams paging, @Context HttpHeaders headers) {
    AuditDao.Filter filter = new AuditDao.Filter(admin.orgId(), uuid("actor", actor), text(objectType),
        text(objectId), text(action), instant("from", from), instant("to", to));
    if (wantsCsv(format, headers)) {
      StreamingOutput body = out -> AuditCsv.write(out,
          (limit, offset) -> SharedDaos.of(jdbi).with(AuditDao.class, dao -> dao.page(filter, limit, offset)));
      return Response.ok(body, CSV).header("Content-Disposition", "attachment; filename=\"audit.csv\"").build();
    }
    PageRequest page = paging.withDefaultSize(50);
    AuditViews.Entries entries = SharedDaos.of(jdbi).with(AuditDao.class, dao -> new AuditViews.Entries(
        dao.page(filter, page.pageSize(), page.offset()).stream().map(this::view).toList(), page.page(),
        page.pageSize(), dao.count(filter)));
    return Response.ok(entries, MediaType.APPLICATION_JSON_TYPE).build();
  }

  private static boolean wantsCsv(String format, HttpHeaders headers) {
    if (format != null) {
      return switch (format) {
        case "csv" -> true;
        case "json" -> false;
        default -> throw ApiException.invalidField("invalid_request", "format", "invalid_value",
            "format must be one of [csv, json]");
      };
    }
    return headers.getAcceptableMediaTypes().stream().findFirst()
        .map(type -> type.isCompatible(MediaType.valueOf(CSV)) && !type.isWildcardType()).orElse(false);
  }

  private AuditViews.Entry view(AuditEntry row) {
    try {
      JsonNode changes = row.changes() == null ? null : json.readTree(row.changes());
      return AuditViews.Entry.of(row, changes);
    } catch (IOException e) {
      throw new IllegalStateException("audit_log.changes is not JSON", e);
    }
  }

  private static String text(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static UUID uuid(String field, String value) {
    try {
      return text(value) == null ? null : UUID.fromString(value.strip());
    } catch (IllegalArgumentException e) {
      throw ApiException.invalidField("invalid_filter", field, "invalid_uuid", field + " must be a user or API key id");
    }
  }

  private static Instant instant(String field, String value) {
    try {
      Instant at = text(value) == null ? null : Instant.parse(value.strip());
      if (at != null && (at.isBefore(EARLIEST) || at.isAfter(LATEST))) {
        throw ApiException.invalidField("invalid_filter", field, "date_range",
            field + " must be between 2000-01-01 and 2100-12-31");
      }
      return at;
    } catch (DateTimeParseException e) {
      throw ApiException.invalidField("invalid_filter", field, "invalid_date",
          field + " must be an ISO-8601 instant such as 2026-12-01T00:00:00Z");
    }
  }
}
