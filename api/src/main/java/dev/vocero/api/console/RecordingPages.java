package dev.vocero.api.console;

import dev.vocero.api.audio.AudioIntake;
import dev.vocero.api.audio.AudioService;
import dev.vocero.api.errors.ApiException;
import dev.vocero.api.audio.AudioViews;
import dev.vocero.api.paging.Page;
import dev.vocero.api.paging.PageRequest;
import dev.vocero.store.SharedDaos;
import dev.vocero.store.alerts.AlertDao;
import dev.vocero.store.audio.AudioRow;
import dev.vocero.store.blob.BlobStore;
import dev.vocero.workflows.audio.AudioStatus;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.UUID;
import org.glassfish.jersey.media.multipart.FormDataContentDisposition;
import org.glassfish.jersey.media.multipart.FormDataParam;
import org.jdbi.v3.core.Jdbi;

/** Recordings: upload, the list with live status, one recording with its player and transcript, reprocess, delete. */
@Hidden
@ConsolePage
@Path("/recordings")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class RecordingPages {
  private static final int PAGE_SIZE = 50;

  private final AudioIntake intake;
  private final AudioService audios;
  private final BlobStore blobs;
  private final Jdbi jdbi;
  private final Pages pages;
  private final WorkflowLinks links;

  public RecordingPages(AudioIntake intake, AudioService audios, BlobStore blobs, Jdbi jdbi, Pages pages,
      WorkflowLinks links) {
    this.intake = intake;
    this.audios = audios;
    this.blobs = blobs;
    this.jdbi = jdbi;
    this.pages = pages;
    this.links = links;
  }

  @GET
  public String list(@Context ContainerRequestContext context) {
    ConsoleRequest p = ConsoleRequest.of(context);
    return pages.render("recordings", p, "page", audios.list(p.principal(), null, new PageRequest(1, PAGE_SIZE)));
  }

  /** The list's rows; status 286 tells htmx to stop polling once nothing on the page is still being processed. */
  @GET
  @Path("rows")
  public Response rows(@Context ContainerRequestContext context) {
    ConsoleRequest p = ConsoleRequest.of(context);
    Page<AudioViews.Summary> page = audios.list(p.principal(), null, new PageRequest(1, PAGE_SIZE));
    return Response.status(anyUnfinished(page) ? 200 : 286).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
        .entity(pages.render("recording_rows", p, "page", page)).build();
  }

  public static boolean anyUnfinished(Page<AudioViews.Summary> page) {
    return page.items().stream().anyMatch(a -> unfinished(a.status()));
  }

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  public Response upload(@Context ContainerRequestContext context, @FormDataParam("csrf") String csrf,
      @FormDataParam("file") InputStream file, @FormDataParam("file") FormDataContentDisposition disposition,
      @FormDataParam("title") String title, @FormDataParam("language") String language) throws IOException {
    ConsoleRequest p = ConsoleRequest.of(context);
    p.requireCsrf(csrf);
    p.requireWrite();
    if (file == null || disposition == null || disposition.getFileName() == null || disposition.getFileName().isBlank()) {
      throw ApiException.badRequest("missing_file", p.t("recordings.missing_file"));
    }
    String cleanTitle = title == null || title.isBlank() ? null : title.trim();
    if (cleanTitle != null && cleanTitle.length() > 300) {
      throw ApiException.unprocessable("invalid_title", p.t("recordings.title_too_long"));
    }
    String lang = language == null || language.isBlank() ? null : language.trim();
    if (lang != null && !lang.matches("[a-z]{2}")) {
      throw ApiException.unprocessable("invalid_language", p.t("recordings.bad_language"));
    }
    AudioIntake.Result result = intake.accept(p.principal(), file, disposition.getFileName(), cleanTitle, lang, false);
    return Response.seeOther(URI.create("/recordings/" + result.audio().id())).build();
  }

  @GET
  @Path("{id}")
  public String detail(@Context ContainerRequestContext context, @PathParam("id") UUID id) {
    ConsoleRequest p = ConsoleRequest.of(context);
    return pages.render("recording", p, "a", audios.get(p.principal(), id), "alerts", alerts(p, id),
        "workflowLink", links.recording(id));
  }

  @GET
  @Path("{id}/panel")
  public String panel(@Context ContainerRequestContext context, @PathParam("id") UUID id) {
    ConsoleRequest p = ConsoleRequest.of(context);
    return pages.render("recording_panel", p, "a", audios.get(p.principal(), id), "alerts", alerts(p, id));
  }

  /** The recording for the player, with byte ranges so that seeking works. */
  @GET
  @Path("{id}/audio")
  @Produces(MediaType.WILDCARD)
  public Response audio(@Context ContainerRequestContext context, @PathParam("id") UUID id,
      @HeaderParam("Range") String range) throws IOException {
    AudioRow audio = audios.find(ConsoleRequest.of(context).principal(), id);
    return ByteRanges.serve(() -> blobs.open(audio.blobKey()), audio.sizeBytes(), audio.contentType(), range);
  }

  @POST
  @Path("{id}/reprocess")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response reprocess(@Context ContainerRequestContext context, @PathParam("id") UUID id) {
    ConsoleRequest p = ConsoleRequest.of(context);
    p.requireWrite();
    audios.reprocess(p.principal(), id, null);
    return Response.seeOther(URI.create("/recordings/" + id)).build();
  }

  @POST
  @Path("{id}/delete")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response delete(@Context ContainerRequestContext context, @PathParam("id") UUID id) throws IOException {
    ConsoleRequest p = ConsoleRequest.of(context);
    p.requireWrite();
    audios.delete(p.principal(), id);
    return Response.seeOther(URI.create("/recordings")).build();
  }

  private java.util.List<dev.vocero.store.alerts.AlertRow> alerts(ConsoleRequest p, UUID audioId) {
    return SharedDaos.of(jdbi).with(AlertDao.class, dao -> dao.list(p.principal().orgId(), null, null, audioId, 100, 0));
  }

  /** Whether the list or a recording's page keeps polling: only while something is still being processed. */
  public static boolean unfinished(String status) {
    return !AudioStatus.fromWire(status).terminal();
  }
}
