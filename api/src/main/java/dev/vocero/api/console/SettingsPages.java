package dev.vocero.api.console;

import static dev.vocero.api.console.FormValues.blankToNull;
import static dev.vocero.api.console.FormValues.decimal;
import static dev.vocero.api.console.FormValues.e164;
import static dev.vocero.api.console.FormValues.list;
import static dev.vocero.api.console.FormValues.phoneError;
import static dev.vocero.api.console.FormValues.typed;
import static dev.vocero.api.console.FormValues.whole;

import dev.vocero.api.alerts.AlertRuleResource;
import dev.vocero.api.alerts.AlertViews;
import dev.vocero.api.alerts.WebhookBody;
import dev.vocero.api.alerts.WebhookResource;
import dev.vocero.api.audio.KeywordResource;
import dev.vocero.api.auth.OrganizationResource;
import dev.vocero.api.calls.DncResource;
import dev.vocero.api.errors.ApiException;
import dev.vocero.api.extraction.ExtractorResource;
import dev.vocero.api.messaging.AutoReplyResource;
import dev.vocero.api.paging.Page;
import dev.vocero.api.paging.PageParams;
import dev.vocero.api.paging.PageRequest;
import dev.vocero.domain.phones.PhoneNumbers;
import dev.vocero.store.SharedDaos;
import dev.vocero.store.calls.DncDao;
import dev.vocero.store.credits.CreditDao;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Settings: opportunity keywords, the do-not-call list, alert rules (add, delete), extractors (on, off) and
 * admins write, as in the API; webhooks (add, delete, their deliveries); automatic replies and PII redaction: admins;
 * to read: credits and their ledger. A refused form comes back with its errors beside the fields (422), never a 500.
 */
@Hidden
@ConsolePage
@Path("/settings")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class SettingsPages {
  /** The REST resources whose methods the settings page calls, with the signed-in user as the caller. */
  public record Resources(KeywordResource keywords, DncResource dnc, AutoReplyResource autoReply,
      OrganizationResource organization, AlertRuleResource alertRules, ExtractorResource extractors,
      WebhookResource webhooks) {}

  private final Resources r;
  private final Validator validator;
  private final Jdbi jdbi;
  private final Pages pages;

  public SettingsPages(Resources resources, Validator validator, Jdbi jdbi, Pages pages) {
    this.r = resources;
    this.validator = validator;
    this.jdbi = jdbi;
    this.pages = pages;
  }

  @GET
  public String settings(@Context ContainerRequestContext context) {
    return page(ConsoleRequest.of(context), FormErrors.NONE);
  }

  @GET
  @Path("webhooks/{id}")
  public String deliveries(@Context ContainerRequestContext context, @PathParam("id") UUID id) {
    ConsoleRequest p = ConsoleRequest.of(context);
    AlertViews.Webhook webhook = r.webhooks().get(p.principal(), id);
    Page<AlertViews.Delivery> deliveries = r.webhooks().deliveries(p.principal(), id, new PageParams(1, 50L));
    return pages.render("webhook", p, "w", webhook, "deliveries", deliveries);
  }

  @POST
  @Path("keywords")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response addKeyword(@Context ContainerRequestContext context, @FormParam("keyword") String keyword,
      @FormParam("topic") String topic, @FormParam("priority") String priority,
      @FormParam("variants") String variants, @FormParam("language") String language) {
    ConsoleRequest p = ConsoleRequest.of(context);
    p.requireWrite();
    Map<String, String> typed = typed("keyword", keyword, "topic", topic, "variants", variants, "language", language);
    return write(p, "keyword", typed, () -> {
      KeywordResource.KeywordBody body = new KeywordResource.KeywordBody(keyword, topic, priority, list(variants),
          blankToNull(language));
      FormErrors.validate(validator, body);
      Response created = r.keywords().create(p.principal(), body);
      String path = created.getLocation().getPath();
      ConsoleAudit.object(context, path.substring(path.lastIndexOf('/') + 1));
    });
  }

  @POST
  @Path("keywords/{id}/delete")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response deleteKeyword(@Context ContainerRequestContext context, @PathParam("id") long id) {
    ConsoleRequest p = ConsoleRequest.of(context);
    p.requireWrite();
    r.keywords().delete(p.principal(), id);
    return back("keywords");
  }

  @POST
  @Path("dnc")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response addDnc(@Context ContainerRequestContext context, @FormParam("phone") String phone,
      @FormParam("reason") String reason, @FormParam("region") String region) {
    ConsoleRequest p = ConsoleRequest.of(context);
    p.requireWrite();
    return write(p, "dnc", typed("phone", phone, "region", region, "reason", reason), () -> {
      DncResource.AddNumber body = new DncResource.AddNumber(phone == null ? null : phone.trim(), blankToNull(reason),
          blankToNull(region));
      FormErrors.validate(validator, body);
      String e164 = e164(phone, region); // the API's own check, but its error shown beside the field
      r.dnc().add(p.principal(), body);
      ConsoleAudit.object(context, PhoneNumbers.mask(e164));
    });
  }

  @POST
  @Path("dnc/remove")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response removeDnc(@Context ContainerRequestContext context, @FormParam("phone") String phone,
      @FormParam("region") String region) {
    ConsoleRequest p = ConsoleRequest.of(context);
    p.requireWrite();
    return write(p, "dnc-remove", typed("phone", phone, "region", region), () -> {
      String e164 = e164(phone, region);
      try {
        r.dnc().remove(p.principal(), e164);
      } catch (ApiException e) {
        throw e.status() == 404 ? phoneError("not_listed", p.t("settings.dnc_not_listed")) : e;
      }
      ConsoleAudit.object(context, PhoneNumbers.mask(e164));
    });
  }

  @POST
  @Path("alert-rules")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response addAlertRule(@Context ContainerRequestContext context, @FormParam("name") String name,
      @FormParam("kind") String kind, @FormParam("pattern") String pattern, @FormParam("threshold") String threshold,
      @FormParam("severity") String severity) {
    ConsoleRequest p = ConsoleRequest.of(context);
    p.requireWrite();
    return write(p, "alert-rule", typed("name", name, "pattern", pattern, "threshold", threshold), () -> {
      AlertRuleResource.RuleBody body = new AlertRuleResource.RuleBody(blankToNull(name), kind, blankToNull(pattern),
          decimal("threshold", threshold), null, null, null, null, severity, true);
      FormErrors.validate(validator, body);
      AlertViews.Rule created = (AlertViews.Rule) r.alertRules().create(p.principal(), body).getEntity();
      ConsoleAudit.object(context, created.id().toString());
    });
  }

  @POST
  @Path("alert-rules/{id}/delete")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response deleteAlertRule(@Context ContainerRequestContext context, @PathParam("id") UUID id) {
    ConsoleRequest p = ConsoleRequest.of(context);
    p.requireWrite();
    r.alertRules().delete(p.principal(), id);
    return back("alert-rules");
  }

  @POST
  @Path("extractors/{name}/{action: enable|disable}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response switchExtractor(@Context ContainerRequestContext context, @PathParam("name") String name,
      @PathParam("action") String action) {
    ConsoleRequest p = ConsoleRequest.of(context);
    p.requireWrite();
    if (action.equals("enable")) {
      r.extractors().enable(p.principal(), name);
    } else {
      r.extractors().disable(p.principal(), name);
    }
    ConsoleAudit.object(context, name);
    return back("extractors");
  }

  /** The signing secret is in the answer this once, as in the API's 201. */
  @POST
  @Path("webhooks")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response addWebhook(@Context ContainerRequestContext context, @FormParam("url") String url,
      @FormParam("description") String description) {
    ConsoleRequest p = ConsoleRequest.of(context);
    p.requireWrite();
    Map<String, String> typed = typed("url", url, "description", description);
    try {
      WebhookBody body = new WebhookBody(url == null ? null : url.trim(), blankToNull(description), true, null);
      FormErrors.validate(validator, body);
      AlertViews.CreatedWebhook created = (AlertViews.CreatedWebhook) r.webhooks().create(p.principal(), body)
          .getEntity();
      ConsoleAudit.object(context, created.id().toString());
      return Response.status(201).entity(page(p, FormErrors.NONE, created)).build();
    } catch (ApiException e) {
      return Response.status(e.status()).entity(page(p, FormErrors.of("webhook", e).typed(typed))).build();
    }
  }

  @POST
  @Path("webhooks/{id}/delete")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response deleteWebhook(@Context ContainerRequestContext context, @PathParam("id") UUID id) {
    ConsoleRequest p = ConsoleRequest.of(context);
    p.requireWrite();
    r.webhooks().delete(p.principal(), id);
    return back("webhooks");
  }

  @POST
  @Path("auto-reply")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response autoReply(@Context ContainerRequestContext context, @FormParam("enabled") String enabled,
      @FormParam("instructions") String instructions, @FormParam("historyMessages") String history,
      @FormParam("maxRepliesPerDay") String perDay, @FormParam("handoffKeywords") String handoff) {
    ConsoleRequest p = ConsoleRequest.of(context);
    requireAdmin(p);
    return write(p, "auto-reply", Map.of(), () -> {
      AutoReplyResource.Settings body = new AutoReplyResource.Settings("on".equals(enabled), instructions,
          whole("historyMessages", history), whole("maxRepliesPerDay", perDay), list(handoff));
      FormErrors.validate(validator, body);
      r.autoReply().put(p.principal(), body);
      ConsoleAudit.object(context, p.principal().orgId().toString());
    });
  }

  @POST
  @Path("privacy")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response privacy(@Context ContainerRequestContext context, @FormParam("piiRedaction") String redaction,
      @FormParam("piiPhoneRegion") String region) {
    ConsoleRequest p = ConsoleRequest.of(context);
    requireAdmin(p);
    return write(p, "privacy", Map.of(), () -> {
      r.organization().update(p.principal(),
          new OrganizationResource.UpdatePrivacy("on".equals(redaction), region == null ? "" : region));
      ConsoleAudit.object(context, p.principal().orgId().toString());
    });
  }

  /** Runs a form's write: back to its section, or the page again with the form's errors (422, 409). */
  private Response write(ConsoleRequest p, String form, Map<String, String> typed, Runnable action) {
    try {
      action.run();
    } catch (ApiException e) {
      return Response.status(e.status()).entity(page(p, FormErrors.of(form, e).typed(typed))).build();
    }
    return back(form);
  }

  private String page(ConsoleRequest p, FormErrors errors) {
    return page(p, errors, null);
  }

  private String page(ConsoleRequest p, FormErrors errors, AlertViews.CreatedWebhook created) {
    var caller = p.principal();
    PageRequest dncPage = new PageRequest(1, 50);
    Page<SettingsView.DncLine> dnc = SharedDaos.of(jdbi).with(DncDao.class, dao -> dncPage.of(
        dao.list(caller.orgId(), dncPage.pageSize(), 0).stream().map(e -> new SettingsView.DncLine(
            PhoneNumbers.mask(e.phoneE164()), e.reason(), e.source(), e.createdAt())).toList(),
        dao.count(caller.orgId())));
    SettingsView view = SharedDaos.of(jdbi).with(CreditDao.class, credits -> new SettingsView(r.keywords().list(caller), dnc,
        p.user().isAdmin() ? r.autoReply().get(caller) : null, r.organization().get(caller),
        r.alertRules().list(caller),
        r.extractors().list(caller), r.webhooks().list(caller),
        credits.account(caller.orgId()).orElse(null), new PageRequest(1, 50).of(credits.page(caller.orgId(), 50, 0),
            credits.count(caller.orgId()))));
    return pages.render("settings", p, "s", view, "errors", errors, "created", created);
  }

  private static Response back(String section) {
    return Response.seeOther(URI.create("/settings#" + section)).build();
  }

  private static void requireAdmin(ConsoleRequest p) {
    if (!p.user().isAdmin()) {
      throw new ApiException(403, "forbidden", p.t("error.admin_only"));
    }
  }
}
