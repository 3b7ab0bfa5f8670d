package dev.vocero.api.calls;

import dev.vocero.api.auth.Role;
import dev.vocero.api.auth.VoceroPrincipal;
import dev.vocero.api.errors.ApiException;
import dev.vocero.api.http.DownloadNames;
import dev.vocero.store.SharedDaos;
import dev.vocero.store.calls.BatchDao;
import dev.vocero.store.calls.BatchRow;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;

/** GET /api/v1/batches/{id}/report.xlsx: the batch's summary, calls and rejected rows as a spreadsheet. */
@Path("/api/v1/batches/{id}/report.xlsx")
public class BatchReportResource {
  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

  private final Jdbi jdbi;
  private final BatchReports reports;

  public BatchReportResource(Jdbi jdbi, BatchReports reports) {
    this.jdbi = jdbi;
    this.reports = reports;
  }

  @GET
  @Produces(XLSX)
  @RolesAllowed(Role.VIEWER_OR_ABOVE)
  @ApiResponse(responseCode = "200", description = "The report workbook",
      content = @Content(mediaType = XLSX, schema = @Schema(type = "string", format = "binary")))
  public Response download(@Auth VoceroPrincipal caller, @PathParam("id") UUID id) {
    BatchRow batch = SharedDaos.of(jdbi).with(BatchDao.class, dao -> dao.find(caller.orgId(), id))
        .orElseThrow(() -> ApiException.notFound("Batch " + id));
    StreamingOutput body = out -> reports.write(batch, out);
    return Response.ok(body, XLSX).header("Content-Disposition", DownloadNames.attachment(filename(batch))).build();
  }

  /** "batch-cobranza-noviembre-20261110.xlsx": ASCII only, dated by the batch's creation day (UTC). */
  static String filename(BatchRow batch) {
    return "batch-" + DownloadNames.slug(batch.name(), "lote") + "-" + DAY.format(batch.createdAt()) + ".xlsx";
  }
}
