package dev.vocero.api.calls;

import java.time.LocalDate;
import java.util.List;

/**
 * The calls a launch preview expects with retries (docs/compliance/README.md, "Preview"): every attempt of every
 * person played through the gate under the batch's retry settings and the {@code assumption} about how each ends.
 *
 * @param assumption how every attempt is assumed to end, and so when the next one is asked for
 * @param assumedOutcome the disposition assumed for every attempt (null when the settings retry none)
 * @param retryDelaySeconds the settings' delay after {@code assumedOutcome} (0 when none is retried)
 * @param maxAttempts the settings' attempts per person
 * @param firstCalls first calls that fit; {@code retries} the retries that fit
 * @param byDay first calls and retries per day (the person's local date), sorted by date
 * @param blocked attempts that never fit, by the rule that stops them ({@code deadline}: not before the batch's
 *     deadline; {@code dnc}: every number of the person on the do-not-call list)
 */
public record RetryPreview(String assumption, String assumedOutcome, long retryDelaySeconds, int maxAttempts,
    int firstCalls, int retries, List<Day> byDay, List<Block> blocked) {

  public record Day(LocalDate date, int firstCalls, int retries) {}

  /** {@code attempts} stopped by {@code ruleId}; {@code retries} of them were retries. */
  public record Block(String ruleId, int attempts, int retries) {}
}
