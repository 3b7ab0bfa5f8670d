package dev.vocero.workers;

import com.fasterxml.jackson.databind.SerializationFeature;
import dev.vocero.activities.alerts.AlertActivitiesImpl;
import dev.vocero.activities.alerts.ExtractedSentiment;
import dev.vocero.activities.net.PublicAddresses;
import dev.vocero.activities.alerts.WebhookActivitiesImpl;
import dev.vocero.activities.alerts.WebhookDispatcher;
import dev.vocero.activities.audio.AudioActivitiesImpl;
import dev.vocero.activities.calls.BatchActivitiesImpl;
import dev.vocero.activities.calls.CallAttemptActivitiesImpl;
import dev.vocero.activities.calls.CallCreditActivitiesImpl;
import dev.vocero.activities.calls.CallRecordingActivitiesImpl;
import dev.vocero.activities.extraction.ExtractionActivitiesImpl;
import dev.vocero.activities.calls.CallbackUrls;
import dev.vocero.activities.calls.ContactCallActivitiesImpl;
import dev.vocero.activities.campaigns.CampaignActivitiesImpl;
import dev.vocero.activities.campaigns.CampaignWakeUp;
import dev.vocero.activities.chat.ChatActivitiesImpl;
import dev.vocero.activities.llm.LanguageModel;
import dev.vocero.activities.messaging.MessageActivitiesImpl;
import dev.vocero.activities.messaging.Messaging;
import dev.vocero.activities.messaging.MessagingSettings;
import dev.vocero.activities.messaging.ReplyActivitiesImpl;
import dev.vocero.activities.telephony.Telephony;
import dev.vocero.api.calls.EventDelivery;
import dev.vocero.api.messaging.MessagingApi;
import dev.vocero.api.calls.StatusIntake;
import dev.vocero.api.calls.TwilioStatusCallbacks;
import dev.vocero.api.calls.TwilioStatusFilter;
import dev.vocero.api.errors.ServletErrors;
import dev.vocero.api.calls.TelephonyWebhooks;
import dev.vocero.credits.MessageCredits;
import dev.vocero.workers.calls.EventRelay;
import dev.vocero.workers.calls.MessageCreditSweep;
import dev.vocero.workers.calls.WebhookDispatch;
import dev.vocero.workers.calls.MessagingWiring;
import dev.vocero.workers.calls.TelephonyWiring;
import java.time.Duration;
import java.util.Map;
import dev.vocero.activities.speech.SpeechToTextFactory;
import dev.vocero.activities.storage.CamelBlobStore;
import dev.vocero.api.VoceroApi;
import dev.vocero.api.console.WorkflowLinks;
import dev.vocero.api.http.BodyLimit;
import dev.vocero.api.http.StrictJson;
import dev.vocero.api.http.JsonErrorHandler;
import dev.vocero.api.http.JsonServletErrorHandler;
import dev.vocero.api.http.UnreadBodyDrain;
import dev.vocero.store.VoceroDatabase;
import dev.vocero.store.blob.BlobStore;
import dev.vocero.workers.config.Mode;
import dev.vocero.workers.config.TelephonyConfig;
import dev.vocero.workers.config.VoceroConfiguration;
import dev.vocero.workers.db.VoceroJdbiFactory;
import dev.vocero.workers.dev.DevCommand;
import dev.vocero.workers.dropfolders.DropFolders;
import dev.vocero.api.dropfolders.DropFolderImport;
import dev.vocero.workers.dev.DevStartup;
import dev.vocero.workers.health.TemporalHealthCheck;
import dev.vocero.workers.metrics.AudioStepTimer;
import dev.vocero.workers.metrics.OperationsGauges;
import dev.vocero.workers.metrics.VoceroMetrics;
import dev.vocero.workers.metrics.WebhookIntakeFilter;
import dev.vocero.workers.temporal.WorkflowLabeler;
import dev.vocero.workers.health.WorkerHealthCheck;
import dev.vocero.workers.temporal.CodecEndpoint;
import dev.vocero.workers.temporal.SearchAttributeRegistrar;
import dev.vocero.workers.temporal.TemporalConnection;
import dev.vocero.workers.temporal.VoceroWorkers;
import dev.vocero.activities.campaigns.CampaignBatchActivitiesImpl;
import dev.vocero.activities.campaigns.CampaignWaveActivitiesImpl;
import com.codahale.metrics.MetricRegistry;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import dev.vocero.workers.accounts.CreateOrganizationCommand;
import dev.vocero.workers.logging.MaskedAccessLayoutFactory;
import io.dropwizard.core.Application;
import io.dropwizard.core.server.AbstractServerFactory;
import io.dropwizard.request.logging.LogbackAccessRequestLogFactory;
import io.dropwizard.core.cli.CheckCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import io.dropwizard.forms.MultiPartBundle;
import io.dropwizard.lifecycle.Managed;
import dev.vocero.activities.compliance.ContactHistoryRetention;
import dev.vocero.workers.calls.ContactHistoryPurge;
import java.time.Clock;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.jdbi.v3.core.Jdbi;

/** Vocero: {@code server} (API), {@code worker} (Temporal workers) or {@code dev} (everything, embedded). */
public class VoceroApplication extends Application<VoceroConfiguration> {
  private volatile VoceroWorkers workers;
  private volatile DropFolders dropFolders;

  public static void main(String[] args) throws Exception {
    new VoceroApplication().run(args);
  }

  @Override
  public String getName() {
    return "vocero";
  }

  @Override
  public void initialize(Bootstrap<VoceroConfiguration> bootstrap) {
    bootstrap.setConfigurationSourceProvider(new SubstitutingSourceProvider(
        new FileOrClasspathSourceProvider(), new EnvironmentVariableSubstitutor(false)));
    bootstrap.addBundle(new MultiPartBundle());
    bootstrap.getObjectMapper().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS); // ISO-8601 instants
    StrictJson.apply(bootstrap.getObjectMapper()); // 1.5 is not a whole number, 7 is not text
  }

  @Override
  protected void addDefaultCommands(Bootstrap<VoceroConfiguration> bootstrap) {
    bootstrap.addCommand(new ModeCommand(this, "server", "Runs the REST API and webhooks (config file required)", Mode.API));
    bootstrap.addCommand(new ModeCommand(this, "worker", "Runs the Temporal workers only (config file required)", Mode.WORKER));
    bootstrap.addCommand(new DevCommand(this));
    bootstrap.addCommand(new CheckCommand<>(this));
    bootstrap.addCommand(new CreateOrganizationCommand());
  }

  /**
   * The configured language-model chain (one instance: extraction, chat and automatic replies share its cache and
   * circuit breakers). Tests may override it.
   */
  protected LanguageModel languageModel(VoceroConfiguration config) {
    return config.getLlm().build();
  }

  /** The configured telephony adapter (one per process). Tests may override it, e.g. to count dials. */
  protected Telephony telephony(VoceroConfiguration config) {
    return TelephonyWiring.telephony(config.getTelephony());
  }

  /** The configured SMS/WhatsApp adapter (Twilio, or the sandbox; one per process); tests may override it. */
  protected Messaging messaging(VoceroConfiguration config) {
    return MessagingWiring.messaging(config.getTelephony(), config.getMode().dev());
  }

  private VoceroWorkers.Activities activities(VoceroConfiguration config, Jdbi jdbi, BlobStore blobs, Environment env,
      TemporalConnection temporal) {
    Telephony telephony = telephony(config);
    Messaging messaging = messaging(config);
    MessagingSettings messagingSettings = MessagingWiring.settings(config.getTelephony(), config.getMessaging());
    LanguageModel model = languageModel(config);
    for (Object adapter : new Object[] {telephony, messaging}) {
      if (adapter instanceof AutoCloseable closeable) {
        env.lifecycle().manage(new Managed() {
          @Override
          public void stop() throws Exception {
            closeable.close();
          }
        });
      }
    }
    ContactCallActivitiesImpl calls = new ContactCallActivitiesImpl(jdbi, telephony,
        new CallbackUrls(config.getTelephony().getPublicBaseUrl()), TelephonyWiring.defaults(config.getTelephony()),
        Clock.systemUTC());
    CallCreditActivitiesImpl callCredits = new CallCreditActivitiesImpl(jdbi, config.getCredits().build());
    return new VoceroWorkers.Activities(
        new AudioActivitiesImpl(jdbi, blobs, SpeechToTextFactory.create(config.getSpeech())),
        new ExtractionActivitiesImpl(jdbi, model, env.getObjectMapper()),
        new BatchActivitiesImpl(jdbi, temporal.client()),
        calls,
        new CallRecordingActivitiesImpl(jdbi, blobs, TelephonyWiring.recordingDownloads(config.getTelephony(),
            config.getMode().dev(), config.getWebhooks().isAllowPrivateNetworks())),
        new ChatActivitiesImpl(jdbi, model),
        new AlertActivitiesImpl(jdbi, new ExtractedSentiment(jdbi)),
        new WebhookActivitiesImpl(jdbi, Clock.systemUTC(),
            new PublicAddresses(config.getWebhooks().isAllowPrivateNetworks())),
        new MessageActivitiesImpl(jdbi, messaging, messagingSettings, env.getObjectMapper(), config.getCredits().build(),
            Clock.systemUTC(), new CampaignWakeUp(temporal.client())),
        callCredits,
        new CampaignActivitiesImpl(jdbi, env.getObjectMapper()),
        new CampaignBatchActivitiesImpl(temporal.client()),
        new CampaignWaveActivitiesImpl(temporal.client()),
        new ReplyActivitiesImpl(jdbi, model, messaging, messagingSettings, env.getObjectMapper(), Clock.systemUTC(),
            config.getCredits().build()),
        new CallAttemptActivitiesImpl(jdbi, calls, callCredits));
  }

  /** The workers this process runs (null in API-only mode). */
  public VoceroWorkers workers() {
    return workers;
  }

  /** The drop folders this process polls (null in worker-only mode). */
  public DropFolders dropFolders() {
    return dropFolders;
  }

  /**
   * Migrates on a pool of its own that is closed once the schema is current: left open, it kept its initial ten
   * connections idle for as long as the process ran.
   */
  static void migrate(DataSourceFactory database) throws Exception {
    ManagedDataSource migrations = database.build(new MetricRegistry(), "flyway");
    try {
      VoceroDatabase.migrate(migrations);
    } finally {
      migrations.stop();
    }
  }

  @Override
  public void run(VoceroConfiguration config, Environment env) throws Exception {
    Map<String, Duration> retention = config.getCompliance().retentionPeriods(); // below a legal floor: no start
    if (config.getServerFactory() instanceof AbstractServerFactory server
        && server.getRequestLogFactory() instanceof LogbackAccessRequestLogFactory requestLog) {
      MaskedAccessLayoutFactory.applyTo(requestLog.getAppenders()); // before the server is built from it
    }
    if (config.getEmbedded() != null) {
      env.lifecycle().manage(config.getEmbedded()); // managed first, so stopped last
    }
    migrate(config.getDatabase());
    Jdbi jdbi = VoceroDatabase.configure(new VoceroJdbiFactory().build(env, config.getDatabase(), "postgresql"));

    CamelContext camel = new DefaultCamelContext();
    camel.start();
    env.lifecycle().manage(new Managed() {
      @Override
      public void stop() {
        camel.stop();
      }
    });
    BlobStore blobs = new CamelBlobStore(camel, config.getBlobs().getEndpoint());

    VoceroMetrics metrics = new VoceroMetrics(env.metrics());
    metrics.serveOn(env.admin());
    TemporalConnection temporal = new TemporalConnection(config.getTemporal(), metrics.temporalScope(),
        new WorkflowLabeler(jdbi));
    env.lifecycle().manage(temporal);
    env.lifecycle().manage(metrics); // after the connection: stopped before it, flushing the SDK's last report
    env.healthChecks().register("temporal", new TemporalHealthCheck(temporal));

    if (config.getMode().worker()) {
      workers = new VoceroWorkers(temporal, config.getWorker(), activities(config, jdbi, blobs, env, temporal),
          new AudioStepTimer(metrics.registry()));
      env.lifecycle().manage(workers);
      env.lifecycle().manage(new WebhookDispatch(new WebhookDispatcher(jdbi, temporal.client()), Duration.ofSeconds(1)));
      env.healthChecks().register("worker", new WorkerHealthCheck(workers));
    } else if (config.getTemporal().isRegisterSearchAttributes()) {
      SearchAttributeRegistrar.register(temporal);
    }
    if (config.getMode().api()) {
      EventDelivery delivery = new EventDelivery(jdbi, temporal.client());
      StatusIntake statusIntake = new StatusIntake(jdbi);
      env.lifecycle().manage(new Managed() {
        @Override
        public void stop() throws Exception {
          statusIntake.close(); // stores what is queued; a callback arriving later stores itself
          delivery.close(); // what is still queued stays pending in PostgreSQL for the relay
        }
      });
      TelephonyConfig telephony = config.getTelephony();
      TelephonyWebhooks webhooks = new TelephonyWebhooks(telephony.getPublicBaseUrl(),
          telephony.webhookAuthToken(config.getMode().dev()).orElse(null),
          telephony.getRetell().getApiKey()); // voice and messaging
      env.getApplicationContext().setErrorHandler(new JsonServletErrorHandler()); // Jetty's own 400s, in the API's shape
      env.lifecycle().addServerLifecycleListener(server -> server.setErrorHandler(new JsonErrorHandler())); // 414, 431
      env.servlets().addFilter("body-limit",
              new BodyLimit(config.getUploads().getMaxBytes(), config.getUploads().getMaxRequestBytes()))
          .addMappingForUrlPatterns(UnreadBodyDrain.REQUESTS, true, "/*");
      env.servlets().addFilter("drain-unread-body", new UnreadBodyDrain(1 << 20))
          .addMappingForUrlPatterns(UnreadBodyDrain.REQUESTS, true, "/*");
      env.servlets().addFilter("webhook-intake-metrics", new WebhookIntakeFilter(metrics.registry()))
          .addMappingForUrlPatterns(UnreadBodyDrain.REQUESTS, true, WebhookIntakeFilter.PATHS);
      env.servlets().addFilter("twilio-status", new TwilioStatusFilter(webhooks, // after the three above: they apply
              new TwilioStatusCallbacks(webhooks, delivery, statusIntake, env.getObjectMapper()),
              new ServletErrors(env.getObjectMapper())))
          .addMappingForUrlPatterns(UnreadBodyDrain.REQUESTS, true, TwilioStatusFilter.PATH);
      OperationsGauges.register(metrics.registry(), jdbi);
      VoceroApi.Intake intake = VoceroApi.register(env.jersey(), env.getObjectMapper(), jdbi, temporal.client(), blobs, config.getAuth(),
          config.getUploads(), new VoceroApi.Calls(webhooks, delivery, config.getTelephony().getMaxContactsPerBatch(),
              statusIntake),
          Clock.systemUTC(), config.getCredits().build(),
          new WorkflowLinks(config.getTemporal().getWebUiUrl(), config.getTemporal().getNamespace()));
      MessagingApi.register(env.jersey(), env.getObjectMapper(), jdbi, temporal.client(), webhooks,
          config.getCredits().build());
      CodecEndpoint.register(env, config, temporal);
      dropFolders = new DropFolders(camel, new DropFolderImport(jdbi, intake.batches(), intake.audios(), intake.audit(),
          env.getObjectMapper()), DropFolders.configured(config.getDropFolders(), jdbi));
      env.lifecycle().manage(dropFolders); // after Temporal's connection: polls once it is up
      env.lifecycle().manage(new EventRelay(jdbi, delivery, Duration.ofSeconds(10)));
      env.lifecycle().manage(new MessageCreditSweep(new MessageCredits(jdbi, config.getCredits().build()),
          Duration.ofHours(config.getCredits().getUnconfirmedMessageHours())));
      env.lifecycle().manage(new ContactHistoryPurge(new ContactHistoryRetention(jdbi, retention, Clock.systemUTC()),
          config.getCompliance().retentionEvery()));
    }
    if (config.getEmbedded() != null) {
      env.lifecycle().addServerLifecycleListener(new DevStartup(config, jdbi, temporal.client(), env.getObjectMapper()));
    }
  }
}
