package dev.vocero.api;

import dev.vocero.api.alerts.AlertResource;
import dev.vocero.api.alerts.AlertRuleResource;
import dev.vocero.api.alerts.WebhookResource;
import dev.vocero.api.audio.AudioIntake;
import dev.vocero.api.audio.AudioResource;
import dev.vocero.api.audio.AudioService;
import dev.vocero.api.console.Console;
import dev.vocero.api.audio.AudioWorkflows;
import dev.vocero.api.audio.KeywordResource;
import dev.vocero.api.extraction.ExtractorResource;
import dev.vocero.api.audio.UploadConfig;
import dev.vocero.api.auth.AccountService;
import dev.vocero.api.auth.AuthConfig;
import dev.vocero.api.auth.AccessTokens;
import dev.vocero.api.auth.ApiKeyResource;
import dev.vocero.api.auth.ApiKeys;
import dev.vocero.api.audit.AuditFilter;
import dev.vocero.api.audit.AuditResource;
import dev.vocero.api.audit.AuditTrail;
import dev.vocero.api.idempotency.IdempotencyFilter;
import dev.vocero.api.http.BodyLimit;
import dev.vocero.api.http.ClientAddress;
import dev.vocero.api.auth.AuthResource;
import dev.vocero.api.auth.JsonUnauthorizedHandler;
import dev.vocero.api.auth.JwtService;
import dev.vocero.api.auth.LoginRateLimiter;
import dev.vocero.api.auth.PasswordHasher;
import dev.vocero.api.auth.RefreshTokens;
import dev.vocero.api.auth.RoleAuthorizer;
import dev.vocero.api.auth.TokenAuthenticator;
import dev.vocero.api.auth.OrganizationResource;
import dev.vocero.api.auth.UsersResource;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vocero.api.calls.BatchImport;
import dev.vocero.api.campaigns.CampaignReportResource;
import dev.vocero.api.campaigns.CampaignReports;
import dev.vocero.api.dashboard.DashboardResource;
import dev.vocero.api.chat.ChatResource;
import dev.vocero.api.chat.ChatService;
import dev.vocero.api.chat.ChatWorkflows;
import dev.vocero.api.campaigns.CampaignService;
import dev.vocero.api.campaigns.CampaignWorkflows;
import dev.vocero.api.console.WorkflowLinks;
import dev.vocero.api.calls.BatchReportResource;
import dev.vocero.api.calls.BatchReports;
import dev.vocero.api.calls.BatchResource;
import dev.vocero.api.calls.BatchService;
import dev.vocero.api.calls.BatchWorkflows;
import dev.vocero.api.calls.ContactLists;
import dev.vocero.api.calls.DncResource;
import dev.vocero.api.calls.EventDelivery;
import dev.vocero.api.calls.StatusIntake;
import dev.vocero.api.calls.TelephonyWebhooks;
import dev.vocero.api.calls.TwilioWebhookResource;
import dev.vocero.api.calls.RetellWebhookResource;
import dev.vocero.api.calls.TwimlResource;
import dev.vocero.api.auth.VoceroPrincipal;
import dev.vocero.api.errors.ApiExceptionMapper;
import dev.vocero.api.errors.JsonExceptionMapper;
import dev.vocero.api.errors.DatabaseUnavailableMapper;
import dev.vocero.api.errors.ParamExceptionMapper;
import dev.vocero.api.http.NulParameterFilter;
import dev.vocero.api.validation.StrictStrings;
import dev.vocero.api.errors.UnexpectedExceptionMapper;
import dev.vocero.api.errors.ValidationExceptionMapper;
import dev.vocero.api.errors.WebApplicationExceptionMapper;
import dev.vocero.api.openapi.OpenApiDocs;
import dev.vocero.api.credits.AccountResource;
import dev.vocero.api.credits.PlatformResource;
import dev.vocero.api.auth.PlatformOperators;
import dev.vocero.api.campaigns.CampaignEstimateResource;
import dev.vocero.api.credits.BatchEstimateResource;
import dev.vocero.store.blob.BlobStore;
import dev.vocero.domain.credits.CreditPrices;
import io.dropwizard.auth.AuthDynamicFeature;
import io.dropwizard.auth.AuthValueFactoryProvider;
import io.dropwizard.auth.oauth.OAuthCredentialAuthFilter;
import io.dropwizard.jersey.setup.JerseyEnvironment;
import io.temporal.client.WorkflowClient;
import io.dropwizard.jersey.validation.Validators;
import jakarta.validation.Validator;
import java.time.Clock;
import org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature;
import org.jdbi.v3.core.Jdbi;

/** Registers every resource, filter and error mapper of the REST API. Plain constructors, no container. */
public final class VoceroApi {
  private VoceroApi() {}

  /**
   * What the call-batch endpoints need from the wiring (provider rules, event delivery, and the group-commit writer for
   * status callbacks).
   */
  public record Calls(TelephonyWebhooks webhooks, EventDelivery delivery, int maxContactsPerBatch,
      StatusIntake statusIntake) {}

  /** The services the API built that machine intake (drop folders) shares with it. */
  public record Intake(BatchImport batches, AudioIntake audios, AuditTrail audit) {}

  public static Intake register(JerseyEnvironment jersey, ObjectMapper json, Jdbi jdbi, WorkflowClient temporal, BlobStore blobs,
      AuthConfig auth, UploadConfig uploads, Calls calls, Clock clock, CreditPrices prices, WorkflowLinks links) {
    JwtService jwt = new JwtService(auth.getJwtSecret(), auth.getIssuer(), auth.getAccessTokenSeconds(), clock);
    AccessTokens accessTokens = new AccessTokens(jdbi, auth.getAccessTokenSeconds(), clock);
    AccountService accounts = new AccountService(jdbi, new PasswordHasher(auth.getBcryptCost()), jwt,
        new RefreshTokens(jdbi, auth.getRefreshTokenSeconds(), clock), accessTokens);
    AudioWorkflows audioWorkflows = new AudioWorkflows(temporal);
    json.registerModule(StrictStrings.module());
    Validator validator = Validators.newValidator();

    ApiKeys apiKeys = new ApiKeys(jdbi, clock);
    jersey.register(new AuthDynamicFeature(new OAuthCredentialAuthFilter.Builder<VoceroPrincipal>()
        .setAuthenticator(new TokenAuthenticator(jwt, accessTokens, apiKeys))
        .setAuthorizer(new RoleAuthorizer())
        .setPrefix("Bearer")
        .setRealm("vocero")
        .setUnauthorizedHandler(new JsonUnauthorizedHandler())
        .buildAuthFilter()));
    jersey.register(RolesAllowedDynamicFeature.class);
    jersey.register(new AuthValueFactoryProvider.Binder<>(VoceroPrincipal.class));

    jersey.register(new ApiExceptionMapper());
    jersey.register(new WebApplicationExceptionMapper());
    jersey.register(new ValidationExceptionMapper());
    jersey.register(new JsonExceptionMapper());
    jersey.register(new ParamExceptionMapper());
    jersey.register(new UnexpectedExceptionMapper());
    jersey.register(new DatabaseUnavailableMapper());
    jersey.register(new BodyLimit.Exceeded());
    jersey.register(new NulParameterFilter());

    LoginRateLimiter limiter = new LoginRateLimiter(auth.getLoginAttemptsPerMinute()); // shared with the console
    ClientAddress clientAddress = new ClientAddress(auth.trustedProxyList());
    AuditTrail audit = new AuditTrail(jdbi);
    jersey.register(new IdempotencyFilter(jdbi, clock));
    jersey.register(new AuditFilter(jdbi, json, audit, clientAddress));
    jersey.register(new AuthResource(accounts, limiter, clientAddress, auth.isOpenSignup(), jdbi, audit));
    jersey.register(new ApiKeyResource(apiKeys, jdbi, clock));
    jersey.register(new AuditResource(jdbi, json));
    jersey.register(new UsersResource(accounts, jdbi));
    jersey.register(new OrganizationResource(jdbi));
    AudioIntake audioIntake = new AudioIntake(jdbi, blobs, audioWorkflows, uploads);
    AudioService audios = new AudioService(jdbi, audioWorkflows, blobs);
    jersey.register(new AudioResource(audioIntake, audios, blobs));
    jersey.register(new KeywordResource(jdbi));
    jersey.register(new ExtractorResource(jdbi, json));
    jersey.register(new DncResource(jdbi));
    dev.vocero.domain.compliance.ContactPolicies.all(); // an invalid policy file stops the server at start-up
    jersey.register(new dev.vocero.api.persons.PersonContactsResource(jdbi));
    BatchWorkflows batchWorkflows = new BatchWorkflows(temporal);
    ContactLists contactLists = new ContactLists(json, uploads.getMaxBytes(), uploads.sheetLimits());
    BatchImport batchImport = new BatchImport(jdbi, contactLists, batchWorkflows, json, calls.maxContactsPerBatch(),
        validator, audit);
    BatchService batches = new BatchService(jdbi, batchWorkflows, json);
    jersey.register(new BatchResource(batchImport, batches));
    jersey.register(new TwilioWebhookResource(jdbi, calls.webhooks(), calls.delivery(), calls.statusIntake(), json));
    jersey.register(new TwimlResource(jdbi, calls.webhooks(), json));
    jersey.register(new RetellWebhookResource(jdbi, calls.webhooks(), calls.delivery(), json));
    BatchReports batchReports = new BatchReports(jdbi, json);
    jersey.register(new BatchReportResource(jdbi, batchReports));
    ChatService chats = new ChatService(jdbi, new ChatWorkflows(temporal), json);
    jersey.register(new ChatResource(chats));
    CampaignService campaigns = new CampaignService(jdbi, new CampaignWorkflows(temporal), json, clock, validator);
    jersey.register(new dev.vocero.api.campaigns.CampaignResource(campaigns));
    CampaignReports campaignReports = new CampaignReports(jdbi, json);
    jersey.register(new CampaignReportResource(jdbi, campaignReports, clock));
    DashboardResource dashboard = new DashboardResource(jdbi, clock);
    jersey.register(dashboard);
    jersey.register(new AlertRuleResource(jdbi));
    jersey.register(new AlertResource(jdbi));
    jersey.register(new WebhookResource(jdbi));
    PlatformOperators operators = new PlatformOperators(auth.platformOperatorList());
    jersey.register(new AccountResource(jdbi, prices, operators));
    jersey.register(new PlatformResource(jdbi, prices, operators));
    jersey.register(new BatchEstimateResource(jdbi, prices, json));
    CampaignEstimateResource campaignEstimates = new CampaignEstimateResource(jdbi, prices, json);
    jersey.register(campaignEstimates);
    OpenApiDocs.register(jersey);
    Console.register(jersey, new Console.Services(accounts, limiter, clientAddress, audioIntake, audios, blobs,
        batchImport, batches, batchReports, contactLists, dashboard, audit),
        new Console.ChatAndCampaigns(chats, campaigns, campaignEstimates, campaignReports, links),
        jdbi, json, calls.webhooks().publicBaseUrl(), clock);
    dev.vocero.api.console.ConsoleOffice.register(jersey, accounts, jdbi, json, temporal); // messages, settings, users
    return new Intake(batchImport, audioIntake, audit);
  }
}
