package dev.vocero.api.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vocero.api.calls.BatchImport;
import dev.vocero.api.calls.BatchReports;
import dev.vocero.api.calls.BatchService;
import dev.vocero.api.calls.BatchSettingsRequest;
import dev.vocero.api.calls.BatchViews;
import dev.vocero.api.calls.ContactLists;
import dev.vocero.api.errors.ApiException;
import dev.vocero.api.http.DownloadNames;
import dev.vocero.api.paging.PageRequest;
import dev.vocero.store.SharedDaos;
import dev.vocero.store.calls.BatchDao;
import dev.vocero.store.calls.BatchRow;
import dev.vocero.workflows.calls.PaceChange;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.glassfish.jersey.media.multipart.FormDataContentDisposition;
import org.glassfish.jersey.media.multipart.FormDataParam;
import org.jdbi.v3.core.Jdbi;

/** Call batches: upload a contact list, read the dry run, start; a batch's live counts, controls, calls and report. */
@Hidden
@ConsolePage
@Path("/batches")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class BatchPages {
  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  private static final Set<String> CALL_STATUSES = Set.of("pending", "in_progress", "done", "cancelled");

  private final BatchImport imports;
  private final BatchService batches;
  private final BatchReports reports;
  private final ContactLists lists;
  private final BatchEvents events;
  private final Jdbi jdbi;
  private final ObjectMapper json;
  private final Pages pages;
  private final WorkflowLinks links;

  public BatchPages(BatchImport imports, BatchService batches, BatchReports reports, ContactLists lists,
      BatchEvents events, Jdbi jdbi, ObjectMapper json, Pages pages, WorkflowLinks links) {
    this.imports = imports;
    this.batches = batches;
    this.reports = reports;
    this.lists = lists;
    this.events = events;
    this.jdbi = jdbi;
    this.json = json;
    this.pages = pages;
    this.links = links;
  }

  @GET
  public String list(@Context ContainerRequestContext context) {
    ConsoleRequest p = ConsoleRequest.of(context);
    return pages.render("batches", p, "page", batches.list(p.principal(), new PageRequest(1, 50)),
        "jurisdictions", JurisdictionNotes.of(lists.jurisdictions()));
  }

  /** The dry run: what would be called and every rejected row, before anything is stored. */
  @POST
  @Path("check")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  public String check(@Context ContainerRequestContext context, @FormDataParam("csrf") String csrf,
      @FormDataParam("file") InputStream file, @FormDataParam("file") FormDataContentDisposition disposition,
      @BeanParam BatchFormFields fields) {
    ConsoleRequest p = ConsoleRequest.of(context);
    p.requireCsrf(csrf);
    p.requireWrite();
    BatchSettingsRequest settings = imports.settings(fields.form().settingsJson(json));
    BatchViews.DryRun dryRun = imports.dryRun(p.principal(), requireFile(p, file, disposition), disposition.getFileName(), settings);
    return pages.render("batch_check", p, "d", dryRun);
  }

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  public Response create(@Context ContainerRequestContext context, @FormDataParam("csrf") String csrf,
      @FormDataParam("file") InputStream file, @FormDataParam("file") FormDataContentDisposition disposition,
      @BeanParam BatchFormFields fields) {
    ConsoleRequest p = ConsoleRequest.of(context);
    p.requireCsrf(csrf);
    p.requireWrite();
    BatchSettingsRequest settings = imports.settings(fields.form().settingsJson(json));
    BatchViews.Created created = imports.create(p.principal(), requireFile(p, file, disposition),
        disposition.getFileName(), settings);
    return Response.seeOther(URI.create("/batches/" + created.id())).build();
  }

  @GET
  @Path("{id}")
  public String detail(@Context ContainerRequestContext context, @PathParam("id") UUID id) {
    ConsoleRequest p = ConsoleRequest.of(context);
    return pages.render("batch", p, "b", batches.get(p.principal(), id), "workflowLink", links.batch(id));
  }

  @GET
  @Path("{id}/counts")
  public String counts(@Context ContainerRequestContext context, @PathParam("id") UUID id) {
    ConsoleRequest p = ConsoleRequest.of(context);
    return pages.render("batch_counts", p, "b", batches.get(p.principal(), id));
  }

  /** Server-sent events: the counts block whenever it changes, until the batch ends. */
  @GET
  @Path("{id}/events")
  @Produces("text/event-stream")
  public Response events(@Context ContainerRequestContext context, @PathParam("id") UUID id) {
    ConsoleRequest p = ConsoleRequest.of(context);
    batches.get(p.principal(), id); // 404 before the stream starts
    StreamingOutput stream = out -> events.stream(out, () -> batches.get(p.principal(), id),
        detail -> pages.render("batch_counts", p, "b", detail));
    return Response.ok(stream, "text/event-stream;charset=UTF-8").header("Cache-Control", "no-store")
        .header("X-Accel-Buffering", "no").build();
  }

  @GET
  @Path("{id}/calls")
  public String calls(@Context ContainerRequestContext context, @PathParam("id") UUID id,
      @QueryParam("status") String status, @QueryParam("disposition") String disposition,
      @QueryParam("page") String page) {
    ConsoleRequest p = ConsoleRequest.of(context);
    String s = status == null || status.isBlank() || !CALL_STATUSES.contains(status) ? null : status;
    String d = dispositions().contains(disposition) ? disposition : null;
    int n = page == null || !page.matches("\\d{1,4}") ? 1 : Math.max(1, Integer.parseInt(page));
    return pages.render("batch_calls", p, "batchId", id, "status", s == null ? "" : s, "disposition", d == null ? "" : d,
        "calls", batches.calls(p.principal(), id, s, d, new PageRequest(n, 50)));
  }

  @POST
  @Path("{id}/{action: pause|resume|cancel}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response control(@Context ContainerRequestContext context, @PathParam("id") UUID id,
      @PathParam("action") String action) {
    ConsoleRequest p = ConsoleRequest.of(context);
    p.requireWrite();
    switch (action) {
      case "pause" -> batches.pause(p.principal(), id);
      case "resume" -> batches.resume(p.principal(), id);
      default -> batches.cancel(p.principal(), id);
    }
    return Response.seeOther(URI.create("/batches/" + id)).build();
  }

  @POST
  @Path("{id}/pace")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response pace(@Context ContainerRequestContext context, @PathParam("id") UUID id,
      @FormParam("callsPerSecond") String callsPerSecond, @FormParam("maxConcurrentCalls") String maxConcurrent) {
    ConsoleRequest p = ConsoleRequest.of(context);
    p.requireWrite();
    double rate;
    Integer cap;
    try {
      rate = Double.parseDouble(callsPerSecond == null ? "" : callsPerSecond.trim().replace(',', '.'));
      cap = maxConcurrent == null || maxConcurrent.isBlank() ? null : Integer.valueOf(maxConcurrent.trim());
    } catch (NumberFormatException e) {
      throw ApiException.unprocessable("invalid_pace", p.t("batch.pace_invalid"));
    }
    if (!(rate > 0 && rate <= 100) || (cap != null && (cap < 1 || cap > 1000))) {
      throw ApiException.unprocessable("invalid_pace", p.t("batch.pace_invalid"));
    }
    batches.pace(p.principal(), id, new PaceChange(rate, cap));
    return Response.seeOther(URI.create("/batches/" + id)).build();
  }

  @GET
  @Path("{id}/report.xlsx")
  @Produces(XLSX)
  public Response report(@Context ContainerRequestContext context, @PathParam("id") UUID id) {
    ConsoleRequest p = ConsoleRequest.of(context);
    BatchRow batch = SharedDaos.of(jdbi).with(BatchDao.class, dao -> dao.find(p.principal().orgId(), id))
        .orElseThrow(() -> ApiException.notFound("Batch " + id));
    StreamingOutput body = out -> reports.write(batch, out);
    return Response.ok(body, XLSX).header("Content-Disposition", DownloadNames.attachment(
        "batch-" + DownloadNames.slug(batch.name(), "lote") + ".xlsx")).build();
  }

  private static InputStream requireFile(ConsoleRequest p, InputStream file, FormDataContentDisposition disposition) {
    if (file == null || disposition == null || disposition.getFileName() == null || disposition.getFileName().isBlank()) {
      throw ApiException.badRequest("missing_file", p.t("batches.missing_file"));
    }
    return file;
  }

  /** Calls' dispositions for the filter, in the order a supervisor reads them. */
  public static List<String> dispositions() {
    return java.util.Arrays.stream(dev.vocero.workflows.calls.Disposition.values())
        .map(d -> d.name().toLowerCase(java.util.Locale.ROOT)).toList();
  }
}
