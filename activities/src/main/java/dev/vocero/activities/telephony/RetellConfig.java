package dev.vocero.activities.telephony;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The {@code telephony.retell:} block of the service configuration. */
public class RetellConfig {

  public static final String DEFAULT_BASE_URL = "https://api.retellai.com";

  private String apiKey;
  private String fromNumber;
  private String agentId;
  private String baseUrl = DEFAULT_BASE_URL;
  private boolean record;

  public RetellConfig() {
  }

  /** Sent as {@code Authorization: Bearer}; the key with the webhook badge also verifies webhooks. Write-only. */
  @JsonProperty(access = JsonProperty.Access.WRITE_ONLY)
  public String getApiKey() {
    return apiKey;
  }

  @JsonProperty(access = JsonProperty.Access.WRITE_ONLY)
  public void setApiKey(String apiKey) {
    this.apiKey = apiKey;
  }

  /** A Retell-managed or imported number (E.164) used when a request names none; it selects the default agent. */
  @JsonProperty
  public String getFromNumber() {
    return fromNumber;
  }

  @JsonProperty
  public void setFromNumber(String fromNumber) {
    this.fromNumber = fromNumber;
  }

  /** Optional: sent as {@code override_agent_id} instead of the number's bound agent. */
  @JsonProperty
  public String getAgentId() {
    return agentId;
  }

  @JsonProperty
  public void setAgentId(String agentId) {
    this.agentId = agentId;
  }

  /**
   * Whether the agent records calls (a Retell agent setting; default false): answered calls then wait for the
   * {@code recording_url} of call_ended/call_analyzed and turn it into an audio.
   */
  @JsonProperty
  public boolean isRecord() {
    return record;
  }

  @JsonProperty
  public void setRecord(boolean record) {
    this.record = record;
  }

  /** Default {@value #DEFAULT_BASE_URL}; tests point it at a stub. */
  @JsonProperty
  public String getBaseUrl() {
    return baseUrl;
  }

  @JsonProperty
  public void setBaseUrl(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** The base URL without a trailing slash. */
  public String resolvedBaseUrl() {
    String url = baseUrl == null || baseUrl.isBlank() ? DEFAULT_BASE_URL : baseUrl.trim();
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /** Everything but the key, for logs; says only whether the key is set. */
  public String describe() {
    boolean keySet = apiKey != null && !apiKey.isBlank();
    return "provider=retell baseUrl=" + resolvedBaseUrl() + " fromNumber=" + fromNumber + " agentId="
        + (agentId == null ? "number default" : agentId) + " apiKey=" + (keySet ? "set" : "unset");
  }

  @Override
  public String toString() {
    return "RetellConfig{" + describe() + "}";
  }
}
