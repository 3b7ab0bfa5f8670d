package dev.vocero.api.alerts;

import dev.vocero.api.auth.Role;
import dev.vocero.api.auth.VoceroPrincipal;
import dev.vocero.api.errors.ApiException;
import dev.vocero.store.alerts.DeliveryDao;
import dev.vocero.store.alerts.WebhookDao;
import dev.vocero.store.alerts.WebhookRow;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;

/** Outbound webhooks: where Vocero POSTs signed events (alert.raised) for the organization. */
@Path("/api/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WebhookResource {
  static final int MAX_WEBHOOKS = 10;
  private static final Set<String> EVENT_TYPES = Set.of(WebhookRow.ALERT_RAISED);

  private final Jdbi jdbi;
  private final SecureRandom random = new SecureRandom();

  public WebhookResource(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public record WebhookBody(
      @NotBlank @Size(max = 2000) String url,
      @Size(max = 200) String description,
      Boolean enabled,
      @Size(max = 10) List<@NotBlank String> eventTypes) {}

  @GET
  @RolesAllowed(Role.VIEWER_OR_ABOVE)
  public List<AlertViews.Webhook> list(@Auth VoceroPrincipal caller) {
    return jdbi.withExtension(WebhookDao.class, dao -> dao.list(caller.orgId())).stream().map(AlertViews.Webhook::of).toList();
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
    WebhookRow webhook = new WebhookRow(UUID.randomUUID(), caller.orgId(), url(body.url()), newSecret(), description(body),
        !Boolean.FALSE.equals(body.enabled()), eventTypes(body.eventTypes()), null, null);
    WebhookRow stored = jdbi.inTransaction(handle -> {
      WebhookDao dao = handle.attach(WebhookDao.class);
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
    String url = url(body.url());
    List<String> types = eventTypes(body.eventTypes());
    return AlertViews.Webhook.of(jdbi.inTransaction(handle -> {
      WebhookDao dao = handle.attach(WebhookDao.class);
      if (dao.update(caller.orgId(), id, url, description(body), !Boolean.FALSE.equals(body.enabled()), types) == 0) {
        throw ApiException.notFound("Webhook " + id);
      }
      return dao.find(caller.orgId(), id).orElseThrow();
    }));
  }

  @DELETE
  @Path("/{id}")
  @RolesAllowed(Role.OPERATOR_OR_ABOVE)
  public Response delete(@Auth VoceroPrincipal caller, @PathParam("id") UUID id) {
    if (jdbi.withExtension(WebhookDao.class, dao -> dao.delete(caller.orgId(), id)) == 0) {
      throw ApiException.notFound("Webhook " + id);
    }
    return Response.noContent().build();
  }

  @GET
  @Path("/{id}/deliveries")
  @RolesAllowed(Role.VIEWER_OR_ABOVE)
  public AlertViews.DeliveryPage deliveries(@Auth VoceroPrincipal caller, @PathParam("id") UUID id,
      @QueryParam("page") @DefaultValue("1") int page, @QueryParam("pageSize") @DefaultValue("20") int pageSize) {
    Paging paging = Paging.of(page, pageSize);
    find(caller, id);
    return jdbi.withExtension(DeliveryDao.class, dao -> new AlertViews.DeliveryPage(
        dao.listForWebhook(caller.orgId(), id, paging.pageSize(), paging.offset()).stream()
            .map(AlertViews.Delivery::of).toList(),
        page, pageSize, dao.countForWebhook(caller.orgId(), id)));
  }

  private WebhookRow find(VoceroPrincipal caller, UUID id) {
    return jdbi.withExtension(WebhookDao.class, dao -> dao.find(caller.orgId(), id))
        .orElseThrow(() -> ApiException.notFound("Webhook " + id));
  }

  private static String url(String value) {
    String trimmed = value.strip();
    try {
      URI uri = new URI(trimmed);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null && uri.getUserInfo() == null
          && uri.getFragment() == null) {
        return trimmed;
      }
    } catch (URISyntaxException e) {
      // answered below
    }
    throw ApiException.unprocessable("invalid_url",
        "url must be an absolute http or https address without credentials or #fragment, e.g. https://example.com/hooks/vocero.");
  }

  private static String description(WebhookBody body) {
    return body.description() == null || body.description().isBlank() ? null : body.description().strip();
  }

  private static List<String> eventTypes(List<String> requested) {
    if (requested == null || requested.isEmpty()) {
      return List.of(WebhookRow.ALERT_RAISED);
    }
    for (String type : requested) {
      if (!EVENT_TYPES.contains(type)) {
        throw ApiException.unprocessable("unknown_event_type",
            "Unknown event type '" + type + "'; the events are: " + String.join(", ", EVENT_TYPES) + ".");
      }
    }
    return requested.stream().distinct().toList();
  }

  /** 32 random bytes: the HMAC key, shown once. */
  private String newSecret() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
