package dev.vocero.api.alerts;

import java.util.Optional;

/** Checks that a rule's keyword or regular expression can be evaluated; implemented by the rule engine. */
public interface RulePatterns {

  /** Empty when {@code pattern} is usable for a rule of {@code kind}, else what is wrong with it. */
  Optional<String> problem(String kind, String pattern);
}
