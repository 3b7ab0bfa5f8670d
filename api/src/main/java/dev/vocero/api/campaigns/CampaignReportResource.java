package dev.vocero.api.campaigns;

import dev.vocero.api.auth.Role;
import dev.vocero.api.auth.VoceroPrincipal;
import dev.vocero.api.errors.ApiException;
import dev.vocero.api.http.DownloadNames;
import dev.vocero.store.SharedDaos;
import dev.vocero.store.campaigns.CampaignDao;
import dev.vocero.store.campaigns.CampaignRow;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * GET /api/v1/campaigns/{id}/report.xlsx: the campaign's summary, daily roll-up with a chart, batches and waves. The
 * workbook is small (a row per day, batch or wave), so it is built whole before the answer: a failure is a clean 500.
 */
@Path("/api/v1/campaigns/{id}/report.xlsx")
public class CampaignReportResource {
  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

  private final Jdbi jdbi;
  private final CampaignReports reports;
  private final Clock clock;

  public CampaignReportResource(Jdbi jdbi, CampaignReports reports, Clock clock) {
    this.jdbi = jdbi;
    this.reports = reports;
    this.clock = clock;
  }

  @GET
  @Produces(XLSX)
  @RolesAllowed(Role.VIEWER_OR_ABOVE)
  @ApiResponse(responseCode = "200", description = "The report workbook",
      content = @Content(mediaType = XLSX, schema = @Schema(type = "string", format = "binary")))
  public Response download(@Auth VoceroPrincipal caller, @PathParam("id") UUID id) {
    CampaignRow campaign = SharedDaos.of(jdbi).with(CampaignDao.class, dao -> dao.find(caller.orgId(), id))
        .orElseThrow(() -> ApiException.notFound("Campaign " + id));
    Instant now = clock.instant();
    byte[] workbook = reports.write(campaign, now);
    return Response.ok(workbook, XLSX).header("Content-Disposition", DownloadNames.attachment(filename(campaign, now)))
        .build();
  }

  /** "campaign-cobranza-noviembre-20261122.xlsx", dated by the day it was generated in the campaign's time zone. */
  public static String filename(CampaignRow campaign, Instant generatedAt) {
    return "campaign-" + DownloadNames.slug(campaign.name(), "campana") + "-"
        + DAY.format(generatedAt.atZone(zone(campaign.timeZone()))) + ".xlsx";
  }

  private static ZoneId zone(String timeZone) {
    try {
      return ZoneId.of(timeZone);
    } catch (DateTimeException e) {
      return ZoneOffset.UTC;
    }
  }
}
