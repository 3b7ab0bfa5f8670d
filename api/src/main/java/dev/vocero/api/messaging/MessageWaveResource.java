package dev.vocero.api.messaging;

import dev.vocero.api.auth.Role;
import dev.vocero.api.auth.VoceroPrincipal;
import dev.vocero.api.paging.Page;
import dev.vocero.api.paging.PageParams;
import dev.vocero.workflows.messaging.WaveProgress;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;

/** Message waves (one template to a batch's contacts) and the organisation's message log. */
@Path("/api/v1/messages")
@Produces(MediaType.APPLICATION_JSON)
public class MessageWaveResource {
  private final MessageWaveService waves;

  public MessageWaveResource(MessageWaveService waves) {
    this.waves = waves;
  }

  @POST
  @Path("/waves")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.OPERATOR_OR_ABOVE)
  @ApiResponse(responseCode = "201", description = "Created",
      content = @Content(schema = @Schema(implementation = MessageViews.Wave.class)))
  public Response create(@Auth VoceroPrincipal caller, @NotNull @Valid NewWave wave) {
    return Response.status(201).entity(waves.create(caller, wave)).build();
  }

  @GET
  @Path("/waves/{id}")
  @RolesAllowed(Role.VIEWER_OR_ABOVE)
  public MessageViews.Wave get(@Auth VoceroPrincipal caller, @PathParam("id") UUID id) {
    return waves.get(caller, id);
  }

  @POST
  @Path("/waves/{id}/pause")
  @RolesAllowed(Role.OPERATOR_OR_ABOVE)
  public WaveProgress pause(@Auth VoceroPrincipal caller, @PathParam("id") UUID id) {
    return waves.pause(caller, id);
  }

  @POST
  @Path("/waves/{id}/resume")
  @RolesAllowed(Role.OPERATOR_OR_ABOVE)
  public WaveProgress resume(@Auth VoceroPrincipal caller, @PathParam("id") UUID id) {
    return waves.resume(caller, id);
  }

  @POST
  @Path("/waves/{id}/cancel")
  @RolesAllowed(Role.OPERATOR_OR_ABOVE)
  @ApiResponse(responseCode = "202", description = "Cancelling")
  public Response cancel(@Auth VoceroPrincipal caller, @PathParam("id") UUID id) {
    waves.cancel(caller, id);
    return Response.accepted().build();
  }

  @GET
  @RolesAllowed(Role.VIEWER_OR_ABOVE)
  public Page<MessageViews.Message> list(@Auth VoceroPrincipal caller, @QueryParam("phone") String phone,
      @QueryParam("region") String region, @QueryParam("state") String state, @Valid @BeanParam PageParams paging) {
    return waves.list(caller, phone, region, state, paging.withDefaultSize(50));
  }
}
