package dev.vocero.activities.telephony;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** One simulated status change: the real-time wait before it, the CallStatus, and extra callback parameters. */
record SandboxStep(Duration after, String callStatus, Map<String, String> params) {

  static SandboxStep of(double seconds, String callStatus, String... keyValues) {
    Map<String, String> params = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      params.put(keyValues[i], keyValues[i + 1]);
    }
    return new SandboxStep(Duration.ofMillis(Math.round(seconds * 1000)), callStatus, Map.copyOf(params));
  }
}
