package dev.vocero.api.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vocero.api.calls.BatchService;
import dev.vocero.api.campaigns.CampaignEstimateResource;
import dev.vocero.api.campaigns.CampaignReportResource;
import dev.vocero.api.campaigns.CampaignReports;
import dev.vocero.api.campaigns.CampaignRequest;
import dev.vocero.api.campaigns.CampaignService;
import dev.vocero.api.campaigns.CampaignViews;
import dev.vocero.api.errors.ApiError;
import dev.vocero.api.errors.ApiException;
import dev.vocero.api.errors.JsonExceptionMapper;
import dev.vocero.api.errors.Violations;
import dev.vocero.api.http.DownloadNames;
import dev.vocero.api.paging.PageRequest;
import dev.vocero.store.SharedDaos;
import dev.vocero.store.campaigns.CampaignDao;
import dev.vocero.store.campaigns.CampaignRow;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Campaigns: the list and a new draft (schedule, quotas, batches, a message wave); a campaign's page with the cost
 * estimate before scheduling, what ran per day, schedule, pause, resume, cancel and the report. The same services as
 * {@code /api/v1/campaigns}.
 */
@Hidden
@ConsolePage
@Path("/campaigns")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class CampaignPages {
  static final String DEFAULT_ZONE = "America/Bogota";

  private final CampaignService campaigns;
  private final CampaignEstimateResource estimates;
  private final CampaignReports reports;
  private final BatchService batches;
  private final Jdbi jdbi;
  private final ObjectMapper json;
  private final Validator validator;
  private final WorkflowLinks links;
  private final Clock clock;
  private final Pages pages;

  public CampaignPages(CampaignService campaigns, CampaignEstimateResource estimates, CampaignReports reports,
      BatchService batches, Jdbi jdbi, ObjectMapper json, Validator validator, WorkflowLinks links, Clock clock,
      Pages pages) {
    this.campaigns = campaigns;
    this.estimates = estimates;
    this.reports = reports;
    this.batches = batches;
    this.jdbi = jdbi;
    this.json = json;
    this.validator = validator;
    this.links = links;
    this.clock = clock;
    this.pages = pages;
  }

  @GET
  public String list(@Context ContainerRequestContext context) {
    ConsoleRequest p = ConsoleRequest.of(context);
    LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(DEFAULT_ZONE)));
    return pages.render("campaigns", p, "page", campaigns.list(p.principal(), new PageRequest(1, 50)),
        "openBatches", batches.list(p.principal(), new PageRequest(1, 100)).items().stream()
            .filter(b -> b.status().equals("running") || b.status().equals("paused")).toList(),
        "today", today.toString(), "until", today.plusDays(30).toString(), "zone", DEFAULT_ZONE);
  }

  /** A draft: nothing is called or sent until it is scheduled from its page, after the estimate. */
  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response create(@Context ContainerRequestContext context, @FormParam("name") String name,
      @FormParam("startDate") String startDate, @FormParam("endDate") String endDate,
      @FormParam("weekdays") List<String> weekdays, @FormParam("windowStart") String windowStart,
      @FormParam("windowEnd") String windowEnd, @FormParam("timeZone") String timeZone,
      @FormParam("dailyQuota") String dailyQuota, @FormParam("smsQuota") String smsQuota,
      @FormParam("whatsappQuota") String whatsappQuota, @FormParam("batchIds") List<String> batchIds,
      @FormParam("waveName") String waveName, @FormParam("waveChannel") String waveChannel,
      @FormParam("waveBatch") String waveBatch, @FormParam("waveBody") String waveBody,
      @FormParam("waveDisposition") String waveDisposition, @FormParam("wavePerMinute") String wavePerMinute,
      @FormParam("policyCallsPerDay") String callsPerDay, @FormParam("policyCallsPerWeek") String callsPerWeek,
      @FormParam("policyMessagesPerDay") String messagesPerDay,
      @FormParam("policyMessagesPerWeek") String messagesPerWeek,
      @FormParam("policyMinHoursBetweenCalls") String hoursBetweenCalls,
      @FormParam("policyMinHoursBetweenMessages") String hoursBetweenMessages,
      @FormParam("policyWindows") String policyWindows, @FormParam("policyOverrideReason") String overrideReason) {
    ConsoleRequest p = ConsoleRequest.of(context);
    p.requireWrite();
    CampaignForm form = new CampaignForm(name, startDate, endDate, weekdays, windowStart, windowEnd, timeZone,
        dailyQuota, smsQuota, whatsappQuota, batchIds,
        new CampaignForm.Wave(waveName, waveChannel, waveBatch, waveBody, waveDisposition, wavePerMinute),
        new PolicyForm(callsPerDay, callsPerWeek, messagesPerDay, messagesPerWeek, hoursBetweenCalls,
            hoursBetweenMessages, policyWindows, overrideReason));
    CampaignRequest request = request(form);
    UUID id = UUID.randomUUID();
    campaigns.create(p.principal(), id, request);
    URI page = URI.create("/campaigns/" + id);
    if (context.getHeaderString("HX-Request") != null) { // htmx keeps the form on an error, and goes on from here
      return Response.noContent().location(page).header("HX-Redirect", page.toString()).build();
    }
    return Response.seeOther(page).build();
  }

  @GET
  @Path("{id}")
  public String detail(@Context ContainerRequestContext context, @PathParam("id") UUID id) {
    ConsoleRequest p = ConsoleRequest.of(context);
    CampaignViews.Campaign c = campaigns.get(p.principal(), id);
    return pages.render("campaign", p, "c", c, "estimate", estimates.estimate(p.principal(), id),
        "days", campaigns.days(p.principal(), id), "batchNames", batchNames(p, c.batchIds()),
        "workflowLink", c.state().equals("draft") ? null : links.campaign(id));
  }

  @POST
  @Path("{id}/{action: schedule|pause|resume|cancel}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response control(@Context ContainerRequestContext context, @PathParam("id") UUID id,
      @PathParam("action") String action) {
    ConsoleRequest p = ConsoleRequest.of(context);
    p.requireWrite();
    switch (action) {
      case "schedule" -> campaigns.schedule(p.principal(), id);
      case "pause" -> campaigns.pause(p.principal(), id);
      case "resume" -> campaigns.resume(p.principal(), id);
      default -> campaigns.cancel(p.principal(), id);
    }
    return Response.seeOther(URI.create("/campaigns/" + id)).build();
  }

  @GET
  @Path("{id}/report.xlsx")
  @Produces(BatchPages.XLSX)
  public Response report(@Context ContainerRequestContext context, @PathParam("id") UUID id) {
    ConsoleRequest p = ConsoleRequest.of(context);
    CampaignRow campaign = SharedDaos.of(jdbi).with(CampaignDao.class, dao -> dao.find(p.principal().orgId(), id))
        .orElseThrow(() -> ApiException.notFound("Campaign " + id));
    java.time.Instant now = clock.instant();
    byte[] workbook = reports.write(campaign, now);
    return Response.ok(workbook, BatchPages.XLSX).header("Content-Disposition",
        DownloadNames.attachment(CampaignReportResource.filename(campaign, now))).build();
  }

  /** The form as the API's body, checked by the same constraints: a 422 names the wrong field as the API would. */
  private CampaignRequest request(CampaignForm form) {
    CampaignRequest request;
    try {
      request = json.treeToValue(form.body(json), CampaignRequest.class);
    } catch (JsonProcessingException e) {
      ApiError error = JsonExceptionMapper.error(e);
      throw new ApiException(422, "invalid_campaign", "The campaign is not valid: " + error.message(), error.details(),
          null);
    }
    Set<ConstraintViolation<CampaignRequest>> violations = validator.validate(request);
    if (!violations.isEmpty()) {
      throw Violations.unprocessable(violations, CampaignRequest.class);
    }
    return request;
  }

  private java.util.Map<UUID, String> batchNames(ConsoleRequest p, List<UUID> ids) {
    java.util.Map<UUID, String> names = new java.util.LinkedHashMap<>();
    for (UUID batchId : ids) {
      names.put(batchId, batches.get(p.principal(), batchId).batch().name());
    }
    return names;
  }
}
