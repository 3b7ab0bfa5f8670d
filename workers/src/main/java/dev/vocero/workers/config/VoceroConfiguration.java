package dev.vocero.workers.config;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.vocero.activities.speech.SpeechConfig;
import dev.vocero.api.audio.UploadConfig;
import dev.vocero.api.auth.AuthConfig;
import io.dropwizard.core.Configuration;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.lifecycle.Managed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/** The whole configuration file; every section documented in docs/configuration.md and deployment/vocero.yml. */
public class VoceroConfiguration extends Configuration {
  @Valid @NotNull @JsonProperty private DataSourceFactory database = new DataSourceFactory();
  @Valid @NotNull @JsonProperty private TemporalConfig temporal = new TemporalConfig();
  @Valid @NotNull @JsonProperty private AuthConfig auth = new AuthConfig();
  @Valid @NotNull @JsonProperty private UploadConfig uploads = new UploadConfig();
  @Valid @NotNull @JsonProperty private SpeechConfig speech = new SpeechConfig();
  @Valid @NotNull @JsonProperty private LlmConfig llm = new LlmConfig();
  @Valid @NotNull @JsonProperty private BlobConfig blobs = new BlobConfig();
  @Valid @NotNull @JsonProperty private WorkerConfig worker = new WorkerConfig();
  @Valid @NotNull @JsonProperty private TelephonyConfig telephony = new TelephonyConfig();
  @Valid @NotNull @JsonProperty private MessagingConfig messaging = new MessagingConfig();
  @Valid @NotNull @JsonProperty private CreditsConfig credits = new CreditsConfig();
  @Valid @NotNull @JsonProperty private WebhooksConfig webhooks = new WebhooksConfig();
  @Valid @NotNull @JsonProperty private ComplianceConfig compliance = new ComplianceConfig();
  @Valid @NotNull @JsonProperty private List<DropFolderConfig> dropFolders = List.of();

  @JsonIgnore private Mode mode = Mode.API;
  /** Set by {@code vocero dev}: the embedded PostgreSQL and Temporal, stopped after everything else. */
  @JsonIgnore private Managed embedded;

  public DataSourceFactory getDatabase() {
    return database;
  }

  public TemporalConfig getTemporal() {
    return temporal;
  }

  public AuthConfig getAuth() {
    return auth;
  }

  public UploadConfig getUploads() {
    return uploads;
  }

  public SpeechConfig getSpeech() {
    return speech;
  }

  public LlmConfig getLlm() {
    return llm;
  }

  public CreditsConfig getCredits() {
    return credits;
  }

  public ComplianceConfig getCompliance() {
    return compliance;
  }

  public WebhooksConfig getWebhooks() {
    return webhooks;
  }

  public List<DropFolderConfig> getDropFolders() {
    return dropFolders;
  }

  public BlobConfig getBlobs() {
    return blobs;
  }

  public WorkerConfig getWorker() {
    return worker;
  }

  public TelephonyConfig getTelephony() {
    return telephony;
  }

  public MessagingConfig getMessaging() {
    return messaging;
  }

  public Mode getMode() {
    return mode;
  }

  public void setMode(Mode mode) {
    this.mode = mode;
  }

  public Managed getEmbedded() {
    return embedded;
  }

  public void setEmbedded(Managed embedded) {
    this.embedded = embedded;
  }
}
