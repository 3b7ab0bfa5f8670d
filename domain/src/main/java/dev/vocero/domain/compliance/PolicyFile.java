package dev.vocero.domain.compliance;

import java.util.List;

/** A policy resource file as written (YAML); {@link ContactPolicies} validates it into a {@link ContactPolicy}. */
record PolicyFile(String jurisdiction, String version, String title, WindowPart windows, List<LimitPart> limits,
    List<GapPart> gaps, List<QuietPart> quiet, SpreadPart spread, CountingPart counting, RetentionPart retention) {

  record WindowPart(String id, String citation, List<String> rules, String holidays) {}

  record LimitPart(String id, String citation, List<String> channels, Integer max, String period) {}

  record GapPart(String id, String citation, List<String> channels, String min) {}

  record QuietPart(String id, String citation, String after, List<String> channels, String period) {}

  record SpreadPart(String id, String citation, Integer maxChannels, String period) {}

  record CountingPart(String id, String citation, List<String> uncounted) {}

  record RetentionPart(String id, String citation, String minimum) {}
}
