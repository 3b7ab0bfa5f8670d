package dev.vocero.api.calls;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vocero.api.auth.Role;
import dev.vocero.api.auth.VoceroPrincipal;
import dev.vocero.api.errors.ApiException;
import dev.vocero.api.audio.AudioViews;
import dev.vocero.store.audio.AudioDao;
import dev.vocero.store.audio.OpportunityDao;
import dev.vocero.store.audio.TranscriptDao;
import dev.vocero.store.extraction.ExtractionDao;
import dev.vocero.store.calls.AttemptDao;
import dev.vocero.store.calls.AttemptRow;
import dev.vocero.store.calls.CallRecordingDao;
import dev.vocero.store.calls.ContactRow;
import dev.vocero.store.calls.BatchDao;
import dev.vocero.store.calls.BatchRow;
import dev.vocero.store.calls.ContactDao;
import dev.vocero.workflows.calls.BatchProgress;
import dev.vocero.workflows.calls.BatchSettings;
import dev.vocero.workflows.calls.PaceChange;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
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
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.glassfish.jersey.media.multipart.FormDataContentDisposition;
import org.glassfish.jersey.media.multipart.FormDataParam;
import org.jdbi.v3.core.Jdbi;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;

@Path("/api/v1/batches")
@Produces(MediaType.APPLICATION_JSON)
public class BatchResource {
  private final Jdbi jdbi;
  private final BatchImport imports;
  private final BatchWorkflows workflows;
  private final ObjectMapper json;

  public BatchResource(Jdbi jdbi, BatchImport imports, BatchWorkflows workflows, ObjectMapper json) {
    this.jdbi = jdbi;
    this.imports = imports;
    this.workflows = workflows;
    this.json = json;
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
    BatchSettingsRequest request = settings(settings);
    String filename = disposition == null ? null : disposition.getFileName();
    if (dryRun) {
      return Response.ok(imports.dryRun(file, filename, request)).build();
    }
    BatchViews.Created created = imports.create(caller, file, filename, request);
    return Response.created(URI.create("/api/v1/batches/" + created.id())).entity(created).build();
  }

  @GET
  @RolesAllowed(Role.VIEWER_OR_ABOVE)
  public BatchViews.Page<BatchViews.Summary> list(@Auth VoceroPrincipal caller, @QueryParam("page") @DefaultValue("1") int page,
      @QueryParam("pageSize") @DefaultValue("20") int pageSize) {
    paging(page, pageSize);
    return jdbi.withExtension(BatchDao.class, dao -> new BatchViews.Page<>(
        dao.list(caller.orgId(), pageSize, (page - 1) * pageSize).stream().map(BatchViews.Summary::of).toList(),
        page, pageSize, dao.count(caller.orgId())));
  }

  @GET
  @Path("/{id}")
  @RolesAllowed(Role.VIEWER_OR_ABOVE)
  public BatchViews.Detail get(@Auth VoceroPrincipal caller, @PathParam("id") UUID id) throws IOException {
    BatchRow batch = find(caller, id);
    return jdbi.withExtension(BatchDao.class, dao -> new BatchViews.Detail(BatchViews.Summary.of(batch),
        json.readTree(batch.settings()), dao.countsByStatus(caller.orgId(), id), dao.countsByDisposition(caller.orgId(), id)));
  }

  @GET
  @Path("/{id}/calls")
  @RolesAllowed(Role.VIEWER_OR_ABOVE)
  public BatchViews.Page<BatchViews.Call> calls(@Auth VoceroPrincipal caller, @PathParam("id") UUID id,
      @QueryParam("status") String status, @QueryParam("disposition") String disposition,
      @QueryParam("page") @DefaultValue("1") int page, @QueryParam("pageSize") @DefaultValue("50") int pageSize) {
    find(caller, id);
    paging(page, pageSize);
    return jdbi.inTransaction(handle -> {
      ContactDao contacts = handle.attach(ContactDao.class);
      AttemptDao attempts = handle.attach(AttemptDao.class);
      Map<ContactRow, List<AttemptRow>> attemptsByContact = new LinkedHashMap<>();
      contacts.list(caller.orgId(), id, status, disposition, pageSize, (page - 1) * pageSize)
          .forEach(c -> attemptsByContact.put(c, attempts.listForContact(caller.orgId(), c.id())));
      Map<UUID, String> audioStatuses = audioStatuses(handle, caller.orgId(),
          attemptsByContact.values().stream().flatMap(List::stream).map(AttemptRow::audioId).filter(Objects::nonNull).toList());
      return new BatchViews.Page<>(attemptsByContact.entrySet().stream()
          .map(e -> BatchViews.Call.of(e.getKey(), e.getValue(), audioStatuses)).toList(),
          page, pageSize, contacts.count(caller.orgId(), id, status, disposition));
    });
  }

  /** One attempt of the batch: its outcome and, when the call was recorded, the audio's status, transcript and opportunities. */
  @GET
  @Path("/{id}/calls/{attemptId}")
  @RolesAllowed(Role.VIEWER_OR_ABOVE)
  public BatchViews.CallDetail call(@Auth VoceroPrincipal caller, @PathParam("id") UUID id,
      @PathParam("attemptId") UUID attemptId) {
    find(caller, id);
    return jdbi.inTransaction(handle -> {
      AttemptRow attempt = handle.attach(AttemptDao.class).find(caller.orgId(), attemptId)
          .filter(a -> a.batchId().equals(id))
          .orElseThrow(() -> ApiException.notFound("Call attempt " + attemptId + " of batch " + id));
      AudioViews.Detail audio = attempt.audioId() == null ? null : handle.attach(AudioDao.class)
          .find(caller.orgId(), attempt.audioId())
          .map(a -> AudioViews.Detail.of(a, handle.attach(TranscriptDao.class).list(caller.orgId(), a.id()),
              handle.attach(OpportunityDao.class).list(caller.orgId(), a.id()),
              handle.attach(ExtractionDao.class).list(caller.orgId(), a.id())))
          .orElse(null);
      Map<UUID, String> statuses = audio == null ? Map.of() : Map.of(audio.id(), audio.status());
      return new BatchViews.CallDetail(id, attempt.contactId(), BatchViews.Attempt.of(attempt, statuses), audio);
    });
  }

  private static Map<UUID, String> audioStatuses(Handle handle, UUID orgId, List<UUID> audioIds) {
    if (audioIds.isEmpty()) {
      return Map.of();
    }
    Map<UUID, String> statuses = new HashMap<>();
    handle.attach(CallRecordingDao.class).statuses(orgId, audioIds).forEach(s -> statuses.put(s.id(), s.status()));
    return statuses;
  }

  @POST
  @Path("/{id}/pause")
  @RolesAllowed(Role.OPERATOR_OR_ABOVE)
  public BatchProgress pause(@Auth VoceroPrincipal caller, @PathParam("id") UUID id) {
    find(caller, id);
    return workflows.pause(id);
  }

  @POST
  @Path("/{id}/resume")
  @RolesAllowed(Role.OPERATOR_OR_ABOVE)
  public BatchProgress resume(@Auth VoceroPrincipal caller, @PathParam("id") UUID id) {
    find(caller, id);
    return workflows.resume(id);
  }

  @POST
  @Path("/{id}/cancel")
  @RolesAllowed(Role.OPERATOR_OR_ABOVE)
  @ApiResponse(responseCode = "202", description = "Cancelling")
  public Response cancel(@Auth VoceroPrincipal caller, @PathParam("id") UUID id) {
    find(caller, id);
    workflows.cancel(id, "cancelled by " + caller.userId());
    return Response.accepted().build();
  }

  /** Body: {"callsPerSecond": 2.5, "maxConcurrentCalls": 20}. */
  @PATCH
  @Path("/{id}/pace")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.OPERATOR_OR_ABOVE)
  public BatchProgress pace(@Auth VoceroPrincipal caller, @PathParam("id") UUID id, PaceChange change) {
    BatchRow batch = find(caller, id);
    if (change == null || !(change.callsPerSecond() > 0 && change.callsPerSecond() <= 100)
        || change.maxConcurrentCalls() != null && (change.maxConcurrentCalls() < 1 || change.maxConcurrentCalls() > 1000)) {
      throw ApiException.unprocessable("invalid_pace",
          "callsPerSecond must be more than 0 and at most 100; maxConcurrentCalls between 1 and 1000.");
    }
    BatchProgress progress = workflows.setPace(id, change);
    rememberPace(batch, progress);
    return progress;
  }

  /** Stored with the batch's settings, so a batch that vocero dev starts again after a restart keeps its pace. */
  private void rememberPace(BatchRow batch, BatchProgress progress) {
    try {
      BatchSettings paced = json.readValue(batch.settings(), BatchSettings.class)
          .withPace(progress.callsPerSecond(), progress.maxConcurrentCalls());
      jdbi.useExtension(BatchDao.class, dao -> dao.updateSettings(batch.orgId(), batch.id(), writeJson(paced)));
    } catch (IOException e) {
      throw new IllegalStateException("the batch's stored settings are not readable", e);
    }
  }

  private String writeJson(Object value) throws IOException {
    return json.writeValueAsString(value);
  }

  private BatchSettingsRequest settings(String settings) {
    if (settings == null || settings.isBlank()) {
      return new BatchSettingsRequest(null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }
    try {
      return json.readValue(settings, BatchSettingsRequest.class);
    } catch (IOException e) {
      throw ApiException.unprocessable("invalid_settings", "The 'settings' field must be a JSON object with known keys: "
          + "name, callsPerSecond, maxConcurrentCalls, maxAttempts, retryDelaySeconds, jurisdiction, customWindows, "
          + "defaultRegion, weeklyCapPerPhone, answerTimeoutSeconds, deadline, script, scriptLanguage.");
    }
  }

  private BatchRow find(VoceroPrincipal caller, UUID id) {
    return jdbi.withExtension(BatchDao.class, dao -> dao.find(caller.orgId(), id)).orElseThrow(() -> ApiException.notFound("Batch " + id));
  }

  private static void paging(int page, int pageSize) {
    if (page < 1 || pageSize < 1 || pageSize > 500) {
      throw ApiException.unprocessable("invalid_paging", "page must be 1 or more and pageSize between 1 and 500.");
    }
  }
}
