package dev.vocero.api.calls;

import dev.vocero.api.auth.Role;
import dev.vocero.api.auth.VoceroPrincipal;
import dev.vocero.api.errors.ApiException;
import dev.vocero.api.paging.Page;
import dev.vocero.api.paging.PageParams;
import dev.vocero.workflows.calls.BatchProgress;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import java.util.UUID;
import org.glassfish.jersey.media.multipart.FormDataContentDisposition;
import org.glassfish.jersey.media.multipart.FormDataParam;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;

@Path("/api/v1/batches")
@Produces(MediaType.APPLICATION_JSON)
public class BatchResource {
  private final BatchImport imports;
  private final BatchService batches;

  public BatchResource(BatchImport imports, BatchService batches) {
    this.imports = imports;
    this.batches = batches;
  }

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @RolesAllowed(Role.OPERATOR_OR_ABOVE)
  @ApiResponse(responseCode = "201", description = "Created",
      content = @Content(schema = @Schema(implementation = BatchViews.Created.class)))
  @ApiResponse(responseCode = "200", description = "?dryRun=true: the validation report, nothing stored",
      content = @Content(schema = @Schema(implementation = BatchViews.DryRun.class)))
  public Response create(@Auth VoceroPrincipal caller, @FormDataParam("file") InputStream file,
      @FormDataParam("file") FormDataContentDisposition disposition, @FormDataParam("settings") String settings,
      @QueryParam("dryRun") @DefaultValue("false") boolean dryRun) {
    if (file == null) {
      throw ApiException.badRequest("missing_file", "Send the contact list (xlsx or csv) as multipart/form-data field 'file'.");
    }
    BatchSettingsRequest request = imports.settings(settings);
    String filename = disposition == null ? null : disposition.getFileName();
    if (dryRun) {
      return Response.ok(imports.dryRun(caller, file, filename, request)).build();
    }
    BatchViews.Created created = imports.create(caller, file, filename, request);
    return Response.created(URI.create("/api/v1/batches/" + created.id())).entity(created).build();
  }

  @GET
  @RolesAllowed(Role.VIEWER_OR_ABOVE)
  public Page<BatchViews.Summary> list(@Auth VoceroPrincipal caller, @Valid @BeanParam PageParams paging) {
    return batches.list(caller, paging.withDefaultSize(20));
  }

  @GET
  @Path("/{id}")
  @RolesAllowed(Role.VIEWER_OR_ABOVE)
  public BatchViews.Detail get(@Auth VoceroPrincipal caller, @PathParam("id") UUID id) {
    return batches.get(caller, id);
  }

  @GET
  @Path("/{id}/calls")
  @RolesAllowed(Role.VIEWER_OR_ABOVE)
  public Page<BatchViews.Call> calls(@Auth VoceroPrincipal caller, @PathParam("id") UUID id,
      @QueryParam("status") String status, @QueryParam("disposition") String disposition,
      @Valid @BeanParam PageParams paging) {
    return batches.calls(caller, id, status, disposition, paging.withDefaultSize(50));
  }

  /** One attempt of the batch: its outcome and, when the call was recorded, the audio's status, transcript and opportunities. */
  @GET
  @Path("/{id}/calls/{attemptId}")
  @RolesAllowed(Role.VIEWER_OR_ABOVE)
  public BatchViews.CallDetail call(@Auth VoceroPrincipal caller, @PathParam("id") UUID id,
      @PathParam("attemptId") UUID attemptId) {
    return batches.call(caller, id, attemptId);
  }

  @POST
  @Path("/{id}/pause")
  @RolesAllowed(Role.OPERATOR_OR_ABOVE)
  public BatchProgress pause(@Auth VoceroPrincipal caller, @PathParam("id") UUID id) {
    return batches.pause(caller, id);
  }

  @POST
  @Path("/{id}/resume")
  @RolesAllowed(Role.OPERATOR_OR_ABOVE)
  public BatchProgress resume(@Auth VoceroPrincipal caller, @PathParam("id") UUID id) {
    return batches.resume(caller, id);
  }

  @POST
  @Path("/{id}/cancel")
  @RolesAllowed(Role.OPERATOR_OR_ABOVE)
  @ApiResponse(responseCode = "202", description = "Cancelling")
  public Response cancel(@Auth VoceroPrincipal caller, @PathParam("id") UUID id) {
    batches.cancel(caller, id);
    return Response.accepted().build();
  }

  /** Body: {"callsPerSecond": 2.5, "maxConcurrentCalls": 20}. */
  @PATCH
  @Path("/{id}/pace")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.OPERATOR_OR_ABOVE)
  public BatchProgress pace(@Auth VoceroPrincipal caller, @PathParam("id") UUID id, @NotNull @Valid PaceRequest change) {
    return batches.pace(caller, id, change.change());
  }
}
