package dev.vocero.api.campaigns;

import dev.vocero.api.auth.Role;
import dev.vocero.api.auth.VoceroPrincipal;
import dev.vocero.api.errors.ErrorCode;
import dev.vocero.api.paging.Page;
import dev.vocero.api.paging.PageParams;
import dev.vocero.workflows.campaigns.CampaignProgress;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;

/** Campaigns: drafts edited freely, then scheduled (the workflow starts), paused, resumed, cancelled. */
@Path("/api/v1/campaigns")
@Produces(MediaType.APPLICATION_JSON)
public class CampaignResource {
  private final CampaignService campaigns;

  public CampaignResource(CampaignService campaigns) {
    this.campaigns = campaigns;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.OPERATOR_OR_ABOVE)
  @ApiResponse(responseCode = "201", description = "Created",
      content = @Content(schema = @Schema(implementation = CampaignViews.Campaign.class)))
  public Response create(@Auth VoceroPrincipal caller, @NotNull @Valid CampaignRequest body) {
    UUID id = UUID.randomUUID();
    return Response.created(URI.create("/api/v1/campaigns/" + id)).entity(campaigns.create(caller, id, body)).build();
  }

  @PUT
  @Path("/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.OPERATOR_OR_ABOVE)
  public CampaignViews.Campaign update(@Auth VoceroPrincipal caller, @PathParam("id") UUID id,
      @NotNull @Valid CampaignRequest body) {
    return campaigns.update(caller, id, body);
  }

  @GET
  @RolesAllowed(Role.VIEWER_OR_ABOVE)
  public Page<CampaignViews.Campaign> list(@Auth VoceroPrincipal caller, @Valid @BeanParam PageParams paging) {
    return campaigns.list(caller, paging.withDefaultSize(20));
  }

  /** The campaign with the live progress of its workflow while it is scheduled, running or paused. */
  @GET
  @Path("/{id}")
  @RolesAllowed(Role.VIEWER_OR_ABOVE)
  public CampaignViews.Campaign get(@Auth VoceroPrincipal caller, @PathParam("id") UUID id) {
    return campaigns.get(caller, id);
  }

  @GET
  @Path("/{id}/days")
  @RolesAllowed(Role.VIEWER_OR_ABOVE)
  public List<CampaignViews.Day> days(@Auth VoceroPrincipal caller, @PathParam("id") UUID id) {
    return campaigns.days(caller, id);
  }

  @DELETE
  @Path("/{id}")
  @RolesAllowed(Role.OPERATOR_OR_ABOVE)
  public Response delete(@Auth VoceroPrincipal caller, @PathParam("id") UUID id) {
    campaigns.delete(caller, id);
    return Response.noContent().build();
  }

  /** draft → scheduled: starts the campaign's workflow; the row changes only if the start succeeded. */
  @POST
  @Path("/{id}/schedule")
  @RolesAllowed(Role.OPERATOR_OR_ABOVE)
  public CampaignViews.Campaign schedule(@Auth VoceroPrincipal caller, @PathParam("id") UUID id) {
    campaigns.schedule(caller, id);
    return campaigns.get(caller, id);
  }

  @POST
  @Path("/{id}/pause")
  @RolesAllowed(Role.OPERATOR_OR_ABOVE)
  public CampaignProgress pause(@Auth VoceroPrincipal caller, @PathParam("id") UUID id) {
    return campaigns.pause(caller, id);
  }

  @POST
  @Path("/{id}/resume")
  @RolesAllowed(Role.OPERATOR_OR_ABOVE)
  public CampaignProgress resume(@Auth VoceroPrincipal caller, @PathParam("id") UUID id) {
    return campaigns.resume(caller, id);
  }

  /** A draft is cancelled at once; a live campaign is told to stop, cancels its batches, and then shows cancelled. */
  @POST
  @Path("/{id}/cancel")
  @RolesAllowed(Role.OPERATOR_OR_ABOVE)
  @ApiResponse(responseCode = "202", description = "Cancelling")
  @ApiResponse(responseCode = "200", description = "Already finished")
  public Response cancel(@Auth VoceroPrincipal caller, @PathParam("id") UUID id) {
    return campaigns.cancel(caller, id) ? Response.ok().build() : Response.accepted().build();
  }

  /** Body: {"batchId": "…"}. A batch of the same organisation, not part of any campaign yet. */
  @POST
  @Path("/{id}/batches")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.OPERATOR_OR_ABOVE)
  public CampaignViews.Campaign addBatch(@Auth VoceroPrincipal caller, @PathParam("id") UUID id,
      @NotNull @Valid BatchRef body) {
    campaigns.addBatch(caller, id, body.batchId());
    return campaigns.get(caller, id);
  }

  @ErrorCode("invalid_batch")
  public record BatchRef(@NotNull UUID batchId) {}

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
  public Response addWave(@Auth VoceroPrincipal caller, @PathParam("id") UUID id, @NotNull CampaignWaveRequest body) {
    campaigns.addWave(caller, id, body);
    return Response.status(201).entity(campaigns.get(caller, id)).build();
  }
}
