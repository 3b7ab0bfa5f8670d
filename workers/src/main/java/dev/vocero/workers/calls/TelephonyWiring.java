package dev.vocero.workers.calls;

import dev.vocero.activities.calls.ContactCallActivitiesImpl;
import dev.vocero.activities.telephony.RetellTelephony;
import dev.vocero.activities.telephony.SandboxTelephony;
import dev.vocero.activities.telephony.Telephony;
import dev.vocero.activities.telephony.TwilioTelephony;
import dev.vocero.workers.config.TelephonyConfig;
import dev.vocero.activities.recordings.RecordingDownloads;
import dev.vocero.activities.net.GuardedHttp;
import dev.vocero.activities.net.PublicAddresses;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

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

  /**
   * Twilio and the sandbox serve recordings behind basic auth (AccountSid:AuthToken); Retell's URLs need none. Only
   * public addresses are fetched, except in {@code dev} (the sandbox serves its recordings on localhost) or when
   * {@code privateNetworks} allows them; Twilio's recordings only from its own hosts, the sandbox's only from this
   * machine, Retell's from {@code telephony.retellRecordingHosts} when set.
   */
  public static RecordingDownloads recordingDownloads(TelephonyConfig config, boolean dev, boolean privateNetworks) {
    Map<String, RecordingDownloads.BasicAuth> auth = new HashMap<>();
    Map<String, Predicate<String>> hosts = new HashMap<>();
    if (config.getTwilio().getAccountSid() != null && config.getTwilio().getAuthToken() != null) {
      auth.put("twilio", new RecordingDownloads.BasicAuth(config.getTwilio().getAccountSid(), config.getTwilio().getAuthToken()));
    }
    hosts.put("twilio", GuardedHttp.hostList(List.of("api.twilio.com", ".twilio.com")));
    if (dev) {
      auth.put("sandbox", new RecordingDownloads.BasicAuth(config.getSandbox().getAccountSid(), config.getSandboxAuthToken()));
      // the sandbox serves its recordings on a loopback server of its own
      hosts.put("sandbox", GuardedHttp.hostList(List.of("localhost", "127.0.0.1", "::1")));
    } else {
      hosts.put("sandbox", host -> false); // no sandbox outside dev
    }
    List<String> retell = config.retellRecordingHostList();
    if (!retell.isEmpty()) {
      hosts.put("retell", GuardedHttp.hostList(retell));
    }
    return new RecordingDownloads(new PublicAddresses(dev || privateNetworks), auth, hosts,
        config.getRecordingMaxBytes(), Duration.ofMinutes(4));
  }
}
