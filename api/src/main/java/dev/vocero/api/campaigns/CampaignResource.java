package dev.vocero.api.campaigns;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vocero.api.auth.Role;
import dev.vocero.api.auth.VoceroPrincipal;
import dev.vocero.api.errors.ApiError;
import dev.vocero.api.errors.ApiException;
import dev.vocero.store.calls.BatchDao;
import dev.vocero.store.calls.BatchRow;
import dev.vocero.store.campaigns.CampaignDao;
import dev.vocero.store.campaigns.CampaignRow;
import dev.vocero.workflows.calls.BatchSettings;
import dev.vocero.workflows.campaigns.AddBatch;
import dev.vocero.workflows.campaigns.CampaignBatch;
import dev.vocero.workflows.campaigns.CampaignCalendar;
import dev.vocero.workflows.campaigns.CampaignInput;
import dev.vocero.workflows.campaigns.CampaignProgress;
import dev.vocero.workflows.campaigns.CampaignSchedule;
import dev.vocero.workflows.campaigns.CampaignStates;
import dev.vocero.workflows.campaigns.CampaignWave;
import dev.vocero.store.messaging.WaveDao;
import dev.vocero.store.messaging.WaveRow;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;

/** Campaigns: drafts edited freely, then scheduled (the workflow starts), paused, resumed, cancelled. */
@Path("/api/v1/campaigns")
@Produces(MediaType.APPLICATION_JSON)
public class CampaignResource {
  private static final Set<String> LIVE = Set.of(CampaignStates.SCHEDULED, CampaignStates.RUNNING, CampaignStates.PAUSED);

  private final Jdbi jdbi;
  private final CampaignWorkflows workflows;
  private final ObjectMapper json;
  private final Clock clock;

  public CampaignResource(Jdbi jdbi, CampaignWorkflows workflows, ObjectMapper json, Clock clock) {
    this.jdbi = jdbi;
    this.workflows = workflows;
    this.json = json;
    this.clock = clock;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.OPERATOR_OR_ABOVE)
  @ApiResponse(responseCode = "201", description = "Created",
      content = @Content(schema = @Schema(implementation = CampaignViews.Campaign.class)))
  public Response create(@Auth VoceroPrincipal caller, CampaignRequest body) {
    CampaignRequest.Valid request = required(body).validate();
    UUID id = UUID.randomUUID();
    CampaignViews.Campaign created = jdbi.inTransaction(handle -> {
      checkBatches(handle, caller.orgId(), id, request.batchIds());
      CampaignDao dao = handle.attach(CampaignDao.class);
      dao.insert(id, caller.orgId(), request.name(), request.startDate(), request.endDate(), request.weekdays(),
          request.windowStart(), request.windowEnd(), request.timeZone(), request.dailyQuota(),
          write(request.messageQuotas()), caller.userId());
      dao.attach(id, caller.orgId(), request.batchIds());
      insertWaves(handle, caller, id, request.waves());
      return view(handle, caller.orgId(), id, false);
    });
    return Response.created(URI.create("/api/v1/campaigns/" + id)).entity(created).build();
  }

  @PUT
  @Path("/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.OPERATOR_OR_ABOVE)
  public CampaignViews.Campaign update(@Auth VoceroPrincipal caller, @PathParam("id") UUID id, CampaignRequest body) {
    CampaignRequest.Valid request = required(body).validate();
    return jdbi.inTransaction(handle -> {
      CampaignDao dao = handle.attach(CampaignDao.class);
      requireDraft(lock(dao, caller, id), "edited");
      checkBatches(handle, caller.orgId(), id, request.batchIds());
      dao.updateDraft(id, caller.orgId(), request.name(), request.startDate(), request.endDate(), request.weekdays(),
          request.windowStart(), request.windowEnd(), request.timeZone(), request.dailyQuota(),
          write(request.messageQuotas()));
      handle.attach(WaveDao.class).deleteHeldOfCampaign(caller.orgId(), id);
      dao.detachAll(caller.orgId(), id);
      dao.attach(id, caller.orgId(), request.batchIds());
      insertWaves(handle, caller, id, request.waves());
      return view(handle, caller.orgId(), id, false);
    });
  }

  @GET
  @RolesAllowed(Role.VIEWER_OR_ABOVE)
  public CampaignViews.Page<CampaignViews.Campaign> list(@Auth VoceroPrincipal caller,
      @QueryParam("page") @DefaultValue("1") int page, @QueryParam("pageSize") @DefaultValue("20") int pageSize) {
    if (page < 1 || pageSize < 1 || pageSize > 200) {
      throw ApiException.unprocessable("invalid_paging", "page must be 1 or more and pageSize between 1 and 200.");
    }
    return jdbi.withHandle(handle -> {
      CampaignDao dao = handle.attach(CampaignDao.class);
      WaveDao waves = handle.attach(WaveDao.class);
      return new CampaignViews.Page<>(dao.list(caller.orgId(), pageSize, (page - 1) * pageSize).stream()
          .map(row -> CampaignViews.Campaign.of(row, dao.batchIds(caller.orgId(), row.id()),
              waves.ofCampaign(caller.orgId(), row.id()), quotas(row), null)).toList(),
          page, pageSize, dao.count(caller.orgId()));
    });
  }

  /** The campaign with the live progress of its workflow while it is scheduled, running or paused. */
  @GET
  @Path("/{id}")
  @RolesAllowed(Role.VIEWER_OR_ABOVE)
  public CampaignViews.Campaign get(@Auth VoceroPrincipal caller, @PathParam("id") UUID id) {
    return jdbi.withHandle(handle -> view(handle, caller.orgId(), id, true));
  }

  @GET
  @Path("/{id}/days")
  @RolesAllowed(Role.VIEWER_OR_ABOVE)
  public List<CampaignViews.Day> days(@Auth VoceroPrincipal caller, @PathParam("id") UUID id) {
    return jdbi.withHandle(handle -> {
      CampaignDao dao = handle.attach(CampaignDao.class);
      find(dao, caller, id);
      return dao.days(caller.orgId(), id).stream().map(d -> new CampaignViews.Day(d.day(), d.callsStarted(),
          d.callsFinished(), readTree(d.finishedByDisposition()), d.messagesSent(), readTree(d.messagesByStatus())))
          .toList();
    });
  }

  @DELETE
  @Path("/{id}")
  @RolesAllowed(Role.OPERATOR_OR_ABOVE)
  public Response delete(@Auth VoceroPrincipal caller, @PathParam("id") UUID id) {
    jdbi.useTransaction(handle -> {
      CampaignDao dao = handle.attach(CampaignDao.class);
      requireDraft(lock(dao, caller, id), "deleted");
      dao.deleteDraft(caller.orgId(), id);
    });
    return Response.noContent().build();
  }

  /** draft → scheduled: starts the campaign's workflow; the row changes only if the start succeeded. */
  @POST
  @Path("/{id}/schedule")
  @RolesAllowed(Role.OPERATOR_OR_ABOVE)
  public CampaignViews.Campaign schedule(@Auth VoceroPrincipal caller, @PathParam("id") UUID id) {
    jdbi.useTransaction(handle -> {
      CampaignDao dao = handle.attach(CampaignDao.class);
      CampaignRow row = requireDraft(lock(dao, caller, id), "scheduled");
      List<UUID> batchIds = dao.batchIds(caller.orgId(), id);
      if (batchIds.isEmpty()) {
        throw ApiException.unprocessable("no_batches", "Attach at least one batch (batchIds) before scheduling.");
      }
      CampaignSchedule schedule = schedule(row);
      if (new CampaignCalendar(schedule).next(clock.instant()).isEmpty()) {
        throw ApiException.unprocessable("schedule_over",
            "The schedule has no window left: its last active day's window has already closed. Move endDate.");
      }
      List<CampaignBatch> batches = new ArrayList<>();
      for (UUID batchId : batchIds) {
        batches.add(CampaignBatch.attached(batchId, settings(handle, caller.orgId(), batchId)));
      }
      List<CampaignWave> waves = new ArrayList<>();
      for (WaveRow wave : handle.attach(WaveDao.class).ofCampaign(caller.orgId(), id)) {
        waves.add(CampaignWave.attached(wave.id(), wave.channel(), wave.perMinute(), wave.sourceBatchId(),
            wave.disposition() != null));
      }
      dao.schedule(caller.orgId(), id);
      workflows.start(CampaignInput.first(caller.orgId(), id, schedule, row.dailyQuota(), batches, waves,
          quotas(row)));
    });
    return get(caller, id);
  }

  @POST
  @Path("/{id}/pause")
  @RolesAllowed(Role.OPERATOR_OR_ABOVE)
  public CampaignProgress pause(@Auth VoceroPrincipal caller, @PathParam("id") UUID id) {
    requireLive(caller, id, "paused");
    return workflows.pause(id);
  }

  @POST
  @Path("/{id}/resume")
  @RolesAllowed(Role.OPERATOR_OR_ABOVE)
  public CampaignProgress resume(@Auth VoceroPrincipal caller, @PathParam("id") UUID id) {
    requireLive(caller, id, "resumed");
    return workflows.resume(id);
  }

  /** A draft is cancelled at once; a live campaign is told to stop, cancels its batches, and then shows cancelled. */
  @POST
  @Path("/{id}/cancel")
  @RolesAllowed(Role.OPERATOR_OR_ABOVE)
  @ApiResponse(responseCode = "202", description = "Cancelling")
  @ApiResponse(responseCode = "200", description = "Already finished")
  public Response cancel(@Auth VoceroPrincipal caller, @PathParam("id") UUID id) {
    CampaignRow row = jdbi.withExtension(CampaignDao.class, dao -> find(dao, caller, id));
    if (CampaignStates.DRAFT.equals(row.state())) {
      jdbi.useExtension(CampaignDao.class, dao -> dao.cancelDraft(caller.orgId(), id));
      return Response.ok().build();
    }
    requireLive(caller, id, "cancelled");
    workflows.cancel(id, "cancelled by " + caller.userId());
    return Response.accepted().build();
  }

  /** Body: {"batchId": "…"}. A batch of the same organisation, not part of any campaign yet. */
  @POST
  @Path("/{id}/batches")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.OPERATOR_OR_ABOVE)
  public CampaignViews.Campaign addBatch(@Auth VoceroPrincipal caller, @PathParam("id") UUID id, BatchRef body) {
    if (body == null || body.batchId() == null) {
      throw ApiException.unprocessable("invalid_batch", "Send {\"batchId\": \"…\"}.");
    }
    jdbi.useTransaction(handle -> {
      CampaignDao dao = handle.attach(CampaignDao.class);
      CampaignRow row = lock(dao, caller, id);
      checkBatches(handle, caller.orgId(), id, List.of(body.batchId()));
      if (dao.batchIds(caller.orgId(), id).contains(body.batchId())) {
        throw ApiException.conflict("batch_attached", "Batch " + body.batchId() + " is already part of this campaign.");
      }
      dao.attach(id, caller.orgId(), List.of(body.batchId()));
      if (LIVE.contains(row.state())) {
        workflows.addBatch(id, new AddBatch(body.batchId(), settings(handle, caller.orgId(), body.batchId())));
      } else if (!CampaignStates.DRAFT.equals(row.state())) {
        throw ApiException.conflict("campaign_state", "The campaign has ended (" + row.state() + ").");
      }
    });
    return get(caller, id);
  }

  public record BatchRef(UUID batchId) {}

  /**
   * Adds a message wave, also while the campaign runs: the same fields as a wave in the campaign's body; the batch
   * must be one of the campaign's. Stored held; a live campaign starts it in its next window.
   */
  @POST
  @Path("/{id}/waves")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.OPERATOR_OR_ABOVE)
  @ApiResponse(responseCode = "201", description = "Created",
      content = @Content(schema = @Schema(implementation = CampaignViews.Campaign.class)))
  public Response addWave(@Auth VoceroPrincipal caller, @PathParam("id") UUID id, CampaignRequest.Wave body) {
    jdbi.useTransaction(handle -> {
      CampaignDao dao = handle.attach(CampaignDao.class);
      CampaignRow row = lock(dao, caller, id);
      if (!CampaignStates.DRAFT.equals(row.state()) && !LIVE.contains(row.state())) {
        throw ApiException.conflict("campaign_state", "The campaign has ended (" + row.state() + ").");
      }
      CampaignRequest.ValidWave wave = CampaignRequest.validate(body, dao.batchIds(caller.orgId(), id));
      UUID waveId = insertWaves(handle, caller, id, List.of(wave)).get(0);
      if (LIVE.contains(row.state())) {
        workflows.addWave(id, CampaignWave.attached(waveId, wave.channel(), wave.perMinute(), wave.batchId(),
            wave.disposition() != null));
      }
    });
    return Response.status(201).entity(get(caller, id)).build();
  }

  private List<UUID> insertWaves(Handle handle, VoceroPrincipal caller, UUID campaignId,
      List<CampaignRequest.ValidWave> waves) {
    WaveDao dao = handle.attach(WaveDao.class);
    List<UUID> ids = new ArrayList<>();
    for (CampaignRequest.ValidWave wave : waves) {
      UUID waveId = UUID.randomUUID();
      dao.insertHeld(waveId, caller.orgId(), wave.name(), wave.channel(), wave.body(), wave.contentSid(),
          wave.contentVariables() == null ? null : write(wave.contentVariables()), wave.batchId(), wave.disposition(),
          wave.perMinute(), campaignId, caller.userId());
      ids.add(waveId);
    }
    return ids;
  }

  private Map<String, Integer> quotas(CampaignRow row) {
    return row.messageQuotaMap(json);
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void requireLive(VoceroPrincipal caller, UUID id, String verb) {
    CampaignRow row = jdbi.withExtension(CampaignDao.class, dao -> find(dao, caller, id));
    if (!LIVE.contains(row.state())) {
      throw ApiException.conflict("campaign_state", "A " + row.state() + " campaign cannot be " + verb
          + (CampaignStates.DRAFT.equals(row.state()) ? "; schedule it first." : "."));
    }
  }

  private static CampaignRow requireDraft(CampaignRow row, String verb) {
    if (!CampaignStates.DRAFT.equals(row.state())) {
      throw ApiException.conflict("campaign_state", "Only a draft campaign can be " + verb + "; this one is "
          + row.state() + ".");
    }
    return row;
  }

  /** Each batch must exist in the caller's organisation, still be open, and belong to no other campaign. */
  private static void checkBatches(Handle handle, UUID orgId, UUID campaignId, List<UUID> batchIds) {
    if (batchIds.isEmpty()) {
      return;
    }
    BatchDao batches = handle.attach(BatchDao.class);
    List<UUID> taken = handle.attach(CampaignDao.class).takenBatches(campaignId, batchIds);
    List<ApiError.Detail> problems = new ArrayList<>();
    for (int i = 0; i < batchIds.size(); i++) {
      UUID batchId = batchIds.get(i);
      String field = "batchIds[" + i + "]";
      BatchRow batch = batches.find(orgId, batchId).orElse(null);
      if (batch == null) {
        problems.add(new ApiError.Detail(field, "not_found", "no batch " + batchId + " in your organisation"));
      } else if (!"running".equals(batch.status()) && !"paused".equals(batch.status())) {
        problems.add(new ApiError.Detail(field, "batch_ended", "batch " + batchId + " is " + batch.status()));
      } else if (taken.contains(batchId)) {
        problems.add(new ApiError.Detail(field, "batch_taken", "batch " + batchId + " belongs to another campaign"));
      }
    }
    if (!problems.isEmpty()) {
      throw new ApiException(422, "invalid_batches", "Some batches cannot be part of this campaign; see details.",
          problems, null);
    }
  }

  private BatchSettings settings(Handle handle, UUID orgId, UUID batchId) {
    BatchRow batch = handle.attach(BatchDao.class).find(orgId, batchId)
        .orElseThrow(() -> ApiException.notFound("Batch " + batchId));
    try {
      return json.readValue(batch.settings(), BatchSettings.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private CampaignViews.Campaign view(Handle handle, UUID orgId, UUID id, boolean live) {
    CampaignDao dao = handle.attach(CampaignDao.class);
    CampaignRow row = dao.find(orgId, id).orElseThrow(() -> ApiException.notFound("Campaign " + id));
    CampaignProgress progress = live && LIVE.contains(row.state()) ? workflows.progress(id) : null;
    return CampaignViews.Campaign.of(row, dao.batchIds(orgId, id), handle.attach(WaveDao.class).ofCampaign(orgId, id),
        quotas(row), progress);
  }

  private static CampaignSchedule schedule(CampaignRow row) {
    return new CampaignSchedule(row.startDate().toString(), row.endDate().toString(), row.weekdays(),
        row.windowStart().toString(), row.windowEnd().toString(), row.timeZone());
  }

  private static CampaignRow find(CampaignDao dao, VoceroPrincipal caller, UUID id) {
    return dao.find(caller.orgId(), id).orElseThrow(() -> ApiException.notFound("Campaign " + id));
  }

  private static CampaignRow lock(CampaignDao dao, VoceroPrincipal caller, UUID id) {
    return dao.lock(caller.orgId(), id).orElseThrow(() -> ApiException.notFound("Campaign " + id));
  }

  private static CampaignRequest required(CampaignRequest body) {
    if (body == null) {
      throw ApiException.unprocessable("invalid_campaign", "Send the campaign as a JSON object.");
    }
    return body;
  }

  private com.fasterxml.jackson.databind.JsonNode readTree(String value) {
    try {
      return json.readTree(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
