package dev.vocero.domain.compliance;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One jurisdiction's contact rules, versioned, each rule with its id and legal citation. Immutable; built by
 * {@link ContactPolicies} from a resource file.
 */
public record ContactPolicy(String jurisdiction, String version, String title, PolicyRule.Window window,
    CallingWindows windows, List<PolicyRule.Limit> limits, List<PolicyRule.Gap> gaps, List<PolicyRule.Quiet> quiet,
    Optional<PolicyRule.Spread> spread, PolicyRule.Counting counting, PolicyRule.Retention retention) {

  /** Every rule, window first. */
  public List<PolicyRule> rules() {
    List<PolicyRule> all = new ArrayList<>();
    all.add(window);
    all.addAll(limits);
    all.addAll(gaps);
    all.addAll(quiet);
    spread.ifPresent(all::add);
    all.add(counting);
    all.add(retention);
    return all;
  }

  public boolean counts(PastContact contact) {
    return !counting.uncounted().contains(contact.outcome());
  }
}
