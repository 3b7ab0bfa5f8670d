package dev.vocero.api.audio;

import dev.vocero.api.auth.Role;
import dev.vocero.api.auth.VoceroPrincipal;
import dev.vocero.api.errors.ApiException;
import dev.vocero.api.paging.Page;
import dev.vocero.api.paging.PageParams;
import dev.vocero.store.audio.AudioRow;
import dev.vocero.store.blob.BlobStore;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
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
import org.glassfish.jersey.media.multipart.FormDataContentDisposition;
import org.glassfish.jersey.media.multipart.FormDataParam;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;

@Path("/api/v1/audios")
@Produces(MediaType.APPLICATION_JSON)
public class AudioResource {
  private final AudioIntake intake;
  private final AudioService audios;
  private final BlobStore blobs;

  public AudioResource(AudioIntake intake, AudioService audios, BlobStore blobs) {
    this.intake = intake;
    this.audios = audios;
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
    String lang = AudioService.language(language);
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
  public Page<AudioViews.Summary> list(@Auth VoceroPrincipal caller, @QueryParam("status") String status,
      @Valid @BeanParam PageParams paging) {
    return audios.list(caller, status, paging.withDefaultSize(20));
  }

  @GET
  @Path("/{id}")
  @RolesAllowed(Role.VIEWER_OR_ABOVE)
  public AudioViews.Detail get(@Auth VoceroPrincipal caller, @PathParam("id") UUID id) {
    return audios.get(caller, id);
  }

  @GET
  @Path("/{id}/file")
  @Produces(MediaType.WILDCARD)
  @RolesAllowed(Role.VIEWER_OR_ABOVE)
  @ApiResponse(responseCode = "200", description = "The recording, in the content type it was uploaded with",
      content = @Content(mediaType = "*/*", schema = @Schema(type = "string", format = "binary")))
  public Response file(@Auth VoceroPrincipal caller, @PathParam("id") UUID id) {
    AudioRow audio = audios.find(caller, id);
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
    audios.delete(caller, id);
    return Response.noContent().build();
  }

  @POST
  @Path("/{id}/reprocess")
  @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
  @RolesAllowed(Role.OPERATOR_OR_ABOVE)
  @ApiResponse(responseCode = "202", description = "Accepted",
      content = @Content(schema = @Schema(implementation = AudioViews.Reprocessing.class)))
  public Response reprocess(@Auth VoceroPrincipal caller, @PathParam("id") UUID id, ReprocessBody body) {
    AudioViews.Reprocessing reprocessing = audios.reprocess(caller, id, body == null ? null : body.language());
    return Response.accepted(reprocessing).location(URI.create("/api/v1/audios/" + id)).build();
  }

  /** Optional body of a reprocess request. */
  public record ReprocessBody(String language) {}

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
