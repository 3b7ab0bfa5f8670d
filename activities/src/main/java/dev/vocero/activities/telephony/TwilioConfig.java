package dev.vocero.activities.telephony;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The {@code telephony.twilio:} block of the service configuration. */
public class TwilioConfig {

  private String accountSid;
  private String authToken;
  private String fromNumber;
  private String machineDetection;
  private boolean record;
  private int ringTimeoutSeconds = 30;

  public TwilioConfig() {
  }

  /** {@code AC...}: the account that places calls and whose token signs callbacks. */
  @JsonProperty
  public String getAccountSid() {
    return accountSid;
  }

  @JsonProperty
  public void setAccountSid(String accountSid) {
    this.accountSid = accountSid;
  }

  /** Write-only for Jackson, so a serialised config never contains it. */
  @JsonProperty(access = JsonProperty.Access.WRITE_ONLY)
  public String getAuthToken() {
    return authToken;
  }

  @JsonProperty(access = JsonProperty.Access.WRITE_ONLY)
  public void setAuthToken(String authToken) {
    this.authToken = authToken;
  }

  /** E.164 caller id used when a request names none. */
  @JsonProperty
  public String getFromNumber() {
    return fromNumber;
  }

  @JsonProperty
  public void setFromNumber(String fromNumber) {
    this.fromNumber = fromNumber;
  }

  /** Null (off, default), {@code Enable} or {@code DetectMessageEnd}. */
  @JsonProperty
  public String getMachineDetection() {
    return machineDetection;
  }

  @JsonProperty
  public void setMachineDetection(String machineDetection) {
    this.machineDetection = machineDetection;
  }

  /** Whether calls are recorded, default false; the activity then passes a recording callback URL. */
  @JsonProperty
  public boolean isRecord() {
    return record;
  }

  @JsonProperty
  public void setRecord(boolean record) {
    this.record = record;
  }

  /** How long Twilio lets the phone ring before giving up with no-answer, default 30 s (Twilio allows 5–600). */
  @JsonProperty
  public int getRingTimeoutSeconds() {
    return ringTimeoutSeconds;
  }

  @JsonProperty
  public void setRingTimeoutSeconds(int ringTimeoutSeconds) {
    if (ringTimeoutSeconds < 5 || ringTimeoutSeconds > 600) {
      throw new IllegalArgumentException("telephony.twilio.ringTimeoutSeconds must be between 5 and 600");
    }
    this.ringTimeoutSeconds = ringTimeoutSeconds;
  }

  /** Everything but the token, for logs; says only whether the token is set. */
  public String describe() {
    boolean tokenSet = authToken != null && !authToken.isBlank();
    return "provider=twilio accountSid=" + accountSid + " fromNumber=" + fromNumber + " machineDetection="
        + (machineDetection == null ? "off" : machineDetection) + " record=" + record + " ringTimeoutSeconds="
        + ringTimeoutSeconds + " authToken=" + (tokenSet ? "set" : "unset");
  }

  @Override
  public String toString() {
    return "TwilioConfig{" + describe() + "}";
  }
}
