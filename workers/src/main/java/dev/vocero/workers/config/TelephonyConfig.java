package dev.vocero.workers.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.vocero.activities.telephony.RetellConfig;
import dev.vocero.activities.telephony.SandboxConfig;
import dev.vocero.activities.telephony.TwilioConfig;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import java.util.Optional;

/** {@code telephony:} section: which provider places calls and where it calls us back. */
public class TelephonyConfig {
  /** sandbox (simulated calls, the dev default), twilio or retell. */
  @Pattern(regexp = "sandbox|twilio|retell") @JsonProperty private String provider = "sandbox";
  /** The address providers reach this API on (https in production); signatures are checked against it. */
  @NotEmpty @JsonProperty private String publicBaseUrl = "http://localhost:8080";
  /** Token the sandbox signs its Twilio-style callbacks with; accepted by the webhooks in {@code dev} only. */
  @NotEmpty @JsonProperty private String sandboxAuthToken = "sandbox-auth-token";
  @Valid @JsonProperty private TwilioConfig twilio = new TwilioConfig();
  @Valid @JsonProperty private RetellConfig retell = new RetellConfig();
  @Valid @JsonProperty private SandboxConfig sandbox = new SandboxConfig();
  /** Caller id for the sandbox (twilio and retell have their own fromNumber). */
  @JsonProperty private String sandboxFromNumber = "+15005550006";
  /** Maximum contacts per uploaded list. */
  @JsonProperty private int maxContactsPerBatch = 100_000;
  /** How long (workflow time) an answered, recorded call waits for its recording once the contact has reported. */
  @Min(1) @Max(86_400) @JsonProperty private long recordingWaitSeconds = 600;
  /** Hosts Retell's recording_url may point at (comma-separated; ".example.com" admits its subdomains); empty: any public host. */
  @JsonProperty private String retellRecordingHosts = "";
  /** Largest recording downloaded; a larger one is refused and the call keeps no audio. */
  @Min(1) @JsonProperty private long recordingMaxBytes = 200L * 1024 * 1024;

  public String getProvider() {
    return provider;
  }

  public void setProvider(String provider) {
    this.provider = provider;
  }

  public String getPublicBaseUrl() {
    return publicBaseUrl;
  }

  /** {@link #getPublicBaseUrl()} without a trailing slash: what callback URLs and their signatures start with. */
  public String callbackBaseUrl() {
    return dev.vocero.api.calls.TelephonyWebhooks.withoutTrailingSlash(publicBaseUrl);
  }

  public void setPublicBaseUrl(String publicBaseUrl) {
    this.publicBaseUrl = publicBaseUrl;
  }

  public String getSandboxAuthToken() {
    return sandboxAuthToken;
  }

  public TwilioConfig getTwilio() {
    return twilio;
  }

  public RetellConfig getRetell() {
    return retell;
  }

  public SandboxConfig getSandbox() {
    return sandbox;
  }

  public String getSandboxFromNumber() {
    return sandboxFromNumber;
  }

  public long getRecordingWaitSeconds() {
    return recordingWaitSeconds;
  }

  public java.util.List<String> retellRecordingHostList() {
    return retellRecordingHosts == null ? java.util.List.of() : java.util.Arrays.stream(retellRecordingHosts.split(","))
        .map(String::trim).filter(h -> !h.isEmpty()).toList();
  }

  public long getRecordingMaxBytes() {
    return recordingMaxBytes;
  }

  /** Whether the configured provider records calls. */
  public boolean records() {
    return switch (provider) {
      case "twilio" -> twilio.isRecord();
      case "retell" -> retell.isRecord();
      default -> sandbox.isRecord();
    };
  }

  public int getMaxContactsPerBatch() {
    return maxContactsPerBatch;
  }

  /**
   * The token Twilio-style callbacks must be signed with, or none (every callback refused): Twilio's auth token when
   * Twilio places calls or carries messages next to Retell; the sandbox's only in {@code dev}, since its default is public.
   */
  public Optional<String> webhookAuthToken(boolean dev) {
    String token = switch (provider) {
      case "sandbox" -> dev ? sandboxAuthToken : null;
      default -> twilio.getAuthToken();
    };
    return Optional.ofNullable(token).filter(t -> !t.isBlank());
  }
}
