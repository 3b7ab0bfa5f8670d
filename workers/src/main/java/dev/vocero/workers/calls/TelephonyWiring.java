package dev.vocero.workers.calls;

import dev.vocero.activities.calls.ContactCallActivitiesImpl;
import dev.vocero.activities.telephony.RetellTelephony;
import dev.vocero.activities.telephony.SandboxTelephony;
import dev.vocero.activities.telephony.Telephony;
import dev.vocero.activities.telephony.TwilioTelephony;
import dev.vocero.workers.config.TelephonyConfig;
import dev.vocero.activities.recordings.RecordingDownloads;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Builds the configured telephony adapter and its per-call defaults. */
public final class TelephonyWiring {
  private TelephonyWiring() {}

  public static Telephony telephony(TelephonyConfig config) {
    return switch (config.getProvider()) {
      case "twilio" -> TwilioTelephony.create(config.getTwilio());
      case "retell" -> new RetellTelephony(config.getRetell());
      default -> new SandboxTelephony(config.getSandbox(), config.getSandboxAuthToken(), Clock.systemUTC());
    };
  }

  public static ContactCallActivitiesImpl.TelephonyDefaults defaults(TelephonyConfig config) {
    long wait = config.getRecordingWaitSeconds();
    return switch (config.getProvider()) {
      case "twilio" -> new ContactCallActivitiesImpl.TelephonyDefaults(config.getTwilio().getFromNumber(),
          config.records(), config.getTwilio().getMachineDetection(), config.getTwilio().getRingTimeoutSeconds(), wait);
      case "retell" -> new ContactCallActivitiesImpl.TelephonyDefaults(config.getRetell().getFromNumber(), config.records(),
          null, 30, wait);
      default -> new ContactCallActivitiesImpl.TelephonyDefaults(config.getSandboxFromNumber(), config.records(), null, 30,
          wait);
    };
  }

  /** Twilio and the sandbox serve recordings behind basic auth (AccountSid:AuthToken); Retell's URLs need none. */
  public static RecordingDownloads recordingDownloads(TelephonyConfig config) {
    Map<String, RecordingDownloads.BasicAuth> auth = new HashMap<>();
    if (config.getTwilio().getAccountSid() != null && config.getTwilio().getAuthToken() != null) {
      auth.put("twilio", new RecordingDownloads.BasicAuth(config.getTwilio().getAccountSid(), config.getTwilio().getAuthToken()));
    }
    auth.put("sandbox", new RecordingDownloads.BasicAuth(config.getSandbox().getAccountSid(), config.getSandboxAuthToken()));
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
        .followRedirects(HttpClient.Redirect.NORMAL).build();
    return new RecordingDownloads(http, auth, config.getRecordingMaxBytes(), Duration.ofMinutes(4));
  }
}
