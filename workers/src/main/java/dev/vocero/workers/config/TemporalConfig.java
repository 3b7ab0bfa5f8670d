package dev.vocero.workers.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.NotEmpty;

/** {@code temporal:} section: where the Temporal frontend is and how to authenticate to it. */
public class TemporalConfig {
  /** host:port of the Temporal frontend (Temporal Cloud: {@code <ns>.<acct>.tmprl.cloud:7233}). */
  @NotEmpty @JsonProperty private String target = "localhost:7233";
  @NotEmpty @JsonProperty private String namespace = "default";
  /** Temporal Cloud API key; sent as a bearer token over TLS. */
  @JsonProperty private String apiKey;
  /** mTLS client certificate and key (PEM, PKCS8); both or neither. */
  @JsonProperty private String clientCertPath;
  @JsonProperty private String clientKeyPath;
  /** Use TLS with the system trust store even without a client certificate. */
  @JsonProperty private boolean tls;
  @Min(1) @JsonProperty private long rpcTimeoutSeconds = 10;
  /** Register the Vocero search attributes at start-up when missing. */
  @JsonProperty private boolean registerSearchAttributes = true;
  /** The keys that encrypt workflow payloads (names, phone numbers) before they reach Temporal. */
  @Valid @NotNull @JsonProperty private EncryptionConfig encryption = new EncryptionConfig();
  /** The Temporal Web UI's address (e.g. http://localhost:8233): the one origin allowed to call /codec (CORS). */
  @JsonProperty private String webUiUrl;

  public String getTarget() {
    return target;
  }

  public void setTarget(String target) {
    this.target = target;
  }

  public String getNamespace() {
    return namespace;
  }

  public String getApiKey() {
    return apiKey;
  }

  public String getClientCertPath() {
    return clientCertPath;
  }

  public String getClientKeyPath() {
    return clientKeyPath;
  }

  public boolean isTls() {
    return tls;
  }

  public long getRpcTimeoutSeconds() {
    return rpcTimeoutSeconds;
  }

  public boolean isRegisterSearchAttributes() {
    return registerSearchAttributes;
  }

  public EncryptionConfig getEncryption() {
    return encryption;
  }

  public String getWebUiUrl() {
    return webUiUrl;
  }
}
