package dev.vocero.domain.compliance.simulation;

import dev.vocero.domain.compliance.ContactChannel;
import java.time.Instant;

/**
 * One contact made in a simulation: the ledger word of how it ended ({@code not_placed} does not count) and the rule
 * that allowed it.
 */
public record SimulatedContact(SimulatedPerson person, ContactChannel channel, String number, Instant at,
    String outcome, String ruleId) {}
