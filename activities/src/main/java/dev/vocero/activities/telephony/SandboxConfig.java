package dev.vocero.activities.telephony;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The {@code telephony.sandbox:} block: the simulated provider used in development. */
public class SandboxConfig {

  public static final String DEFAULT_ACCOUNT_SID = "AC" + "5a4d".repeat(8);

  private int ringSeconds = 5;
  private double speed = 1.0;
  private String accountSid = DEFAULT_ACCOUNT_SID;
  private boolean record;
  private int callbackThreads = 8;
  private String journalDir;

  public SandboxConfig() {
  }

  /** How long an unanswered simulated call rings before no-answer, default 5 s (before {@link #getSpeed()}). */
  @JsonProperty
  public int getRingSeconds() {
    return ringSeconds;
  }

  @JsonProperty
  public void setRingSeconds(int ringSeconds) {
    if (ringSeconds < 0) {
      throw new IllegalArgumentException("telephony.sandbox.ringSeconds must be >= 0");
    }
    this.ringSeconds = ringSeconds;
  }

  /** Multiplies every simulated delay: 1.0 is real time (default), 0.01 makes a 46 s call last under half a second. */
  @JsonProperty
  public double getSpeed() {
    return speed;
  }

  @JsonProperty
  public void setSpeed(double speed) {
    if (!(speed >= 0)) {
      throw new IllegalArgumentException("telephony.sandbox.speed must be >= 0");
    }
    this.speed = speed;
  }

  /**
   * Callbacks sent at once, default 8 (Twilio sends them from many machines in parallel); each call's own callbacks
   * still arrive in order.
   */
  @JsonProperty
  public int getCallbackThreads() {
    return callbackThreads;
  }

  @JsonProperty
  public void setCallbackThreads(int callbackThreads) {
    if (callbackThreads < 1 || callbackThreads > 64) {
      throw new IllegalArgumentException("telephony.sandbox.callbackThreads must be between 1 and 64");
    }
    this.callbackThreads = callbackThreads;
  }

  /** The AccountSid put in callbacks, default a fixed fake {@code AC...}. */
  @JsonProperty
  public String getAccountSid() {
    return accountSid;
  }

  @JsonProperty
  public void setAccountSid(String accountSid) {
    this.accountSid = accountSid;
  }

  /** Whether simulated calls are recorded (default false): answered calls then get a WAV and a recording callback. */
  @JsonProperty
  public boolean isRecord() {
    return record;
  }

  @JsonProperty
  public void setRecord(boolean record) {
    this.record = record;
  }

  /** Where the sandbox keeps what it placed across restarts ({@code dev} sets it under its data directory); none: memory. */
  @JsonProperty
  public String getJournalDir() {
    return journalDir;
  }

  @JsonProperty
  public void setJournalDir(String journalDir) {
    this.journalDir = journalDir;
  }

  /** The journal named {@code file} in {@link #getJournalDir()}, or one in memory. */
  public SandboxJournal journal(String file) {
    if (journalDir == null || journalDir.isBlank()) {
      return SandboxJournal.inMemory();
    }
    try {
      return SandboxJournal.in(java.nio.file.Files.createDirectories(java.nio.file.Path.of(journalDir)).resolve(file));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  public String describe() {
    return "provider=sandbox ringSeconds=" + ringSeconds + " speed=" + speed + " callbackThreads=" + callbackThreads
        + " accountSid=" + accountSid + " record=" + record;
  }

  @Override
  public String toString() {
    return "SandboxConfig{" + describe() + "}";
  }
}
