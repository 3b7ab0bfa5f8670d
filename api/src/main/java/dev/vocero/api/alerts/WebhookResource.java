package dev.vocero.api.alerts;

import dev.vocero.api.auth.Role;
import dev.vocero.api.auth.VoceroPrincipal;
import dev.vocero.api.errors.ApiException;
import dev.vocero.api.paging.Page;
import dev.vocero.api.paging.PageParams;
import dev.vocero.api.paging.PageRequest;
import dev.vocero.store.SharedDaos;
import dev.vocero.store.alerts.DeliveryDao;
import dev.vocero.store.alerts.DeliveryRow;
import dev.vocero.store.alerts.WebhookDao;
import dev.vocero.store.alerts.WebhookRow;
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
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;

/** Outbound webhooks: where Vocero POSTs signed events (alert.raised and the business events) for the organization. */
@Path("/api/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WebhookResource {
  static final int MAX_WEBHOOKS = 10;

  private final Jdbi jdbi;
  private final SecureRandom random = new SecureRandom();

  public WebhookResource(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @GET
  @RolesAllowed(Role.VIEWER_OR_ABOVE)
  public List<AlertViews.Webhook> list(@Auth VoceroPrincipal caller) {
    return SharedDaos.of(jdbi).with(WebhookDao.class, dao -> dao.list(caller.orgId())).stream().map(AlertViews.Webhook::of).toList();
  }

  @GET
  @Path("/{id}")
  @RolesAllowed(Role.VIEWER_OR_ABOVE)
  public AlertViews.Webhook get(@Auth VoceroPrincipal caller, @PathParam("id") UUID id) {
    return AlertViews.Webhook.of(find(caller, id));
  }

  @POST
  @RolesAllowed(Role.OPERATOR_OR_ABOVE)
  @ApiResponse(responseCode = "201", description = "Created",
      content = @Content(schema = @Schema(implementation = AlertViews.CreatedWebhook.class)))
  public Response create(@Auth VoceroPrincipal caller, @NotNull @Valid WebhookBody body) {
    WebhookRow webhook = new WebhookRow(UUID.randomUUID(), caller.orgId(), body.validUrl(), newSecret(), body.cleanDescription(),
        !Boolean.FALSE.equals(body.enabled()), body.validEventTypes(), null, null);
    WebhookRow stored = jdbi.inTransaction(handle -> {
      WebhookDao dao = SharedDaos.attach(handle, WebhookDao.class);
      if (dao.count(caller.orgId()) >= MAX_WEBHOOKS) {
        throw ApiException.unprocessable("too_many_webhooks",
            "An organization can have at most " + MAX_WEBHOOKS + " webhooks; delete or edit an existing one.");
      }
      dao.insert(webhook);
      return dao.find(caller.orgId(), webhook.id()).orElseThrow();
    });
    return Response.created(URI.create("/api/v1/webhooks/" + stored.id())).entity(AlertViews.CreatedWebhook.of(stored)).build();
  }

  @PUT
  @Path("/{id}")
  @RolesAllowed(Role.OPERATOR_OR_ABOVE)
  public AlertViews.Webhook update(@Auth VoceroPrincipal caller, @PathParam("id") UUID id, @NotNull @Valid WebhookBody body) {
    String url = body.validUrl();
    List<String> types = body.validEventTypes();
    return AlertViews.Webhook.of(jdbi.inTransaction(handle -> {
      WebhookDao dao = SharedDaos.attach(handle, WebhookDao.class);
      if (dao.update(caller.orgId(), id, url, body.cleanDescription(), !Boolean.FALSE.equals(body.enabled()), types) == 0) {
        throw ApiException.notFound("Webhook " + id);
      }
      return dao.find(caller.orgId(), id).orElseThrow();
    }));
  }

  @DELETE
  @Path("/{id}")
  @RolesAllowed(Role.OPERATOR_OR_ABOVE)
  public Response delete(@Auth VoceroPrincipal caller, @PathParam("id") UUID id) {
    if (SharedDaos.of(jdbi).with(WebhookDao.class, dao -> dao.delete(caller.orgId(), id)) == 0) {
      throw ApiException.notFound("Webhook " + id);
    }
    return Response.noContent().build();
  }

  @GET
  @Path("/{id}/deliveries")
  @RolesAllowed(Role.VIEWER_OR_ABOVE)
  public Page<AlertViews.Delivery> deliveries(@Auth VoceroPrincipal caller, @PathParam("id") UUID id,
      @Valid @BeanParam PageParams paging) {
    PageRequest page = paging.withDefaultSize(20);
    find(caller, id);
    return SharedDaos.of(jdbi).with(DeliveryDao.class, dao -> page.of(
        dao.listForWebhook(caller.orgId(), id, page.pageSize(), page.offset()).stream()
            .map(AlertViews.Delivery::of).toList(),
        dao.countForWebhook(caller.orgId(), id)));
  }

  @GET
  @Path("/{id}/deliveries/{deliveryId}")
  @RolesAllowed(Role.VIEWER_OR_ABOVE)
  public AlertViews.Delivery delivery(@Auth VoceroPrincipal caller, @PathParam("id") UUID id,
      @PathParam("deliveryId") UUID deliveryId) {
    return SharedDaos.of(jdbi).with(DeliveryDao.class, dao -> dao.findForWebhook(caller.orgId(), id, deliveryId))
        .map(AlertViews.Delivery::of)
        .orElseThrow(() -> ApiException.notFound("Delivery " + deliveryId + " of webhook " + id));
  }

  /** Sends the event of one delivery again, as a new delivery with the same event id (the receiver deduplicates on it). */
  @POST
  @Path("/{id}/deliveries/{deliveryId}/replay")
  @RolesAllowed(Role.ADMIN_ONLY)
  @ApiResponse(responseCode = "202", description = "Accepted: the new delivery, pending until the receiver answers",
      content = @Content(schema = @Schema(implementation = AlertViews.Delivery.class)))
  public Response replay(@Auth VoceroPrincipal caller, @PathParam("id") UUID id, @PathParam("deliveryId") UUID deliveryId) {
    UUID replayId = UUID.randomUUID();
    DeliveryRow replay = jdbi.inTransaction(handle -> {
      DeliveryDao dao = SharedDaos.attach(handle, DeliveryDao.class);
      if (dao.insertReplay(caller.orgId(), id, deliveryId, replayId) == 0) {
        throw ApiException.notFound("Delivery " + deliveryId + " of webhook " + id);
      }
      return dao.find(caller.orgId(), replayId).orElseThrow();
    });
    return Response.accepted(AlertViews.Delivery.of(replay))
        .location(URI.create("/api/v1/webhooks/" + id + "/deliveries/" + replayId)).build();
  }

  private WebhookRow find(VoceroPrincipal caller, UUID id) {
    return SharedDaos.of(jdbi).with(WebhookDao.class, dao -> dao.find(caller.orgId(), id))
        .orElseThrow(() -> ApiException.notFound("Webhook " + id));
  }

  /** 32 random bytes: the HMAC key, shown once. */
  private String newSecret() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
