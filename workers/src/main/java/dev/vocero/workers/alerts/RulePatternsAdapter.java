package dev.vocero.workers.alerts;

import dev.vocero.activities.alerts.AlertRuleEngine;
import dev.vocero.activities.alerts.InvalidRuleException;
import dev.vocero.api.alerts.RulePatterns;
import java.util.Optional;

/** The API checks rule patterns with the same engine (and limits) the workers evaluate them with. */
public final class RulePatternsAdapter implements RulePatterns {
  @Override
  public Optional<String> problem(String kind, String pattern) {
    try {
      AlertRuleEngine.check(kind, pattern);
      return Optional.empty();
    } catch (InvalidRuleException e) {
      return Optional.of(e.getMessage());
    }
  }
}
