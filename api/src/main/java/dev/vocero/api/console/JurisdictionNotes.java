package dev.vocero.api.console;

import dev.vocero.domain.compliance.CallingWindows;
import java.util.List;

/** A calling-window preset with the rule it applies, for the new-batch form. */
public record JurisdictionNotes(String code, String description) {
  static List<JurisdictionNotes> of(List<String> codes) {
    return codes.stream().map(code -> new JurisdictionNotes(code, CallingWindows.preset(code).describe())).toList();
  }
}
