package dev.vocero.api.audio;

import dev.vocero.api.auth.Role;
import dev.vocero.api.auth.VoceroPrincipal;
import dev.vocero.api.errors.ApiException;
import dev.vocero.store.audio.AudioDao;
import dev.vocero.store.audio.AudioRow;
import dev.vocero.store.audio.OpportunityDao;
import dev.vocero.store.audio.TranscriptDao;
import dev.vocero.store.blob.BlobStore;
import dev.vocero.store.extraction.ExtractionDao;
import dev.vocero.workflows.audio.AudioStatus;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.UUID;
import java.util.regex.Pattern;
import org.glassfish.jersey.media.multipart.FormDataContentDisposition;
import org.glassfish.jersey.media.multipart.FormDataParam;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;

@Path("/api/v1/audios")
@Produces(MediaType.APPLICATION_JSON)
public class AudioResource {
  private static final Logger LOG = LoggerFactory.getLogger(AudioResource.class);
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

  private final Jdbi jdbi;
  private final AudioIntake intake;
  private final AudioWorkflows workflows;
  private final BlobStore blobs;

  public AudioResource(Jdbi jdbi, AudioIntake intake, AudioWorkflows workflows, BlobStore blobs) {
    this.jdbi = jdbi;
    this.intake = intake;
    this.workflows = workflows;
    this.blobs = blobs;
  }

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @RolesAllowed(Role.OPERATOR_OR_ABOVE)
  @ApiResponse(responseCode = "202", description = "Accepted",
      content = @Content(schema = @Schema(implementation = AudioViews.Accepted.class)))
  @ApiResponse(responseCode = "200", description = "Already stored (same content)",
      content = @Content(schema = @Schema(implementation = AudioViews.Accepted.class)))
  public Response upload(@Auth VoceroPrincipal caller,
      @FormDataParam("file") InputStream file,
      @FormDataParam("file") FormDataContentDisposition disposition,
      @FormDataParam("language") String language,
      @FormDataParam("title") String title,
      @QueryParam("force") @DefaultValue("false") boolean force) throws IOException {
    if (file == null) {
      throw ApiException.badRequest("missing_file", "Send the audio as multipart/form-data in a field named 'file'.");
    }
    String lang = language(language);
    if (title != null && title.length() > 300) {
      throw ApiException.unprocessable("invalid_title", "The title may have at most 300 characters.");
    }
    String filename = disposition == null ? null : disposition.getFileName();
    AudioIntake.Result result = intake.accept(caller, file, filename, blankToNull(title), lang, force);
    AudioRow audio = result.audio();
    URI location = URI.create("/api/v1/audios/" + audio.id());
    return Response.status(result.created() ? 202 : 200).location(location)
        .entity(new AudioViews.Accepted(audio.id(), audio.status(), !result.created())).build();
  }

  @GET
  @RolesAllowed(Role.VIEWER_OR_ABOVE)
  public AudioViews.Page list(@Auth VoceroPrincipal caller, @QueryParam("status") String status,
      @QueryParam("page") @DefaultValue("1") int page, @QueryParam("pageSize") @DefaultValue("20") int pageSize) {
    if (page < 1 || pageSize < 1 || pageSize > 100) {
      throw ApiException.unprocessable("invalid_paging", "page must be 1 or more and pageSize between 1 and 100.");
    }
    String wireStatus = status == null || status.isBlank() ? null : status(status);
    return jdbi.withExtension(AudioDao.class, dao -> new AudioViews.Page(
        dao.list(caller.orgId(), wireStatus, pageSize, (page - 1) * pageSize).stream().map(AudioViews.Summary::of).toList(),
        page, pageSize, dao.count(caller.orgId(), wireStatus)));
  }

  @GET
  @Path("/{id}")
  @RolesAllowed(Role.VIEWER_OR_ABOVE)
  public AudioViews.Detail get(@Auth VoceroPrincipal caller, @PathParam("id") UUID id) {
    return jdbi.inTransaction(handle -> {
      AudioRow audio = handle.attach(AudioDao.class).find(caller.orgId(), id).orElseThrow(() -> ApiException.notFound("Audio " + id));
      return AudioViews.Detail.of(audio, handle.attach(TranscriptDao.class).list(caller.orgId(), id),
          handle.attach(OpportunityDao.class).list(caller.orgId(), id),
          handle.attach(ExtractionDao.class).list(caller.orgId(), id));
    });
  }

  @GET
  @Path("/{id}/file")
  @Produces(MediaType.WILDCARD)
  @RolesAllowed(Role.VIEWER_OR_ABOVE)
  @ApiResponse(responseCode = "200", description = "The recording, in the content type it was uploaded with",
      content = @Content(mediaType = "*/*", schema = @Schema(type = "string", format = "binary")))
  public Response file(@Auth VoceroPrincipal caller, @PathParam("id") UUID id) {
    AudioRow audio = find(caller, id);
    StreamingOutput body = out -> {
      try (InputStream in = blobs.open(audio.blobKey())) {
        in.transferTo(out);
      }
    };
    String name = audio.originalFilename() == null ? audio.id() + "" : audio.originalFilename().replaceAll("[\"\\\\\\r\\n]", "_");
    return Response.ok(body, audio.contentType()).header("Content-Length", audio.sizeBytes())
        .header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
  }

  @DELETE
  @Path("/{id}")
  @RolesAllowed(Role.OPERATOR_OR_ABOVE)
  public Response delete(@Auth VoceroPrincipal caller, @PathParam("id") UUID id) throws IOException {
    AudioRow audio = find(caller, id);
    if (!AudioStatus.fromWire(audio.status()).terminal()) {
      workflows.cancel(id, "deleted by " + caller.userId());
    }
    jdbi.useExtension(AudioDao.class, dao -> dao.delete(caller.orgId(), id));
    if (jdbi.withExtension(AudioDao.class, dao -> dao.countByBlobKey(audio.blobKey())) == 0) {
      blobs.delete(audio.blobKey());
    }
    LOG.info("Audio {} deleted", id);
    return Response.noContent().build();
  }

  @POST
  @Path("/{id}/reprocess")
  @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
  @RolesAllowed(Role.OPERATOR_OR_ABOVE)
  @ApiResponse(responseCode = "202", description = "Accepted",
      content = @Content(schema = @Schema(implementation = AudioViews.Reprocessing.class)))
  public Response reprocess(@Auth VoceroPrincipal caller, @PathParam("id") UUID id, ReprocessBody body) {
    AudioRow audio = find(caller, id);
    String language = body == null ? null : language(body.language());
    int pass = workflows.reprocess(caller.orgId(), audio.id(), language);
    return Response.accepted(new AudioViews.Reprocessing(audio.id(), AudioStatus.QUEUED.wire(), pass))
        .location(URI.create("/api/v1/audios/" + audio.id())).build();
  }

  /** Optional body of a reprocess request. */
  public record ReprocessBody(String language) {}

  private AudioRow find(VoceroPrincipal caller, UUID id) {
    return jdbi.withExtension(AudioDao.class, dao -> dao.find(caller.orgId(), id))
        .orElseThrow(() -> ApiException.notFound("Audio " + id));
  }

  private static String language(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String lang = value.trim().toLowerCase(java.util.Locale.ROOT);
    if (!LANGUAGE.matcher(lang).matches()) {
      throw ApiException.unprocessable("invalid_language", "language must be an ISO-639-1 code such as 'es' or 'en'.");
    }
    return lang;
  }

  private static String status(String value) {
    try {
      return AudioStatus.fromWire(value).wire();
    } catch (IllegalArgumentException e) {
      throw ApiException.unprocessable("invalid_status",
          "status must be one of queued, transcribing, analyzing, completed, failed, cancelled.");
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
