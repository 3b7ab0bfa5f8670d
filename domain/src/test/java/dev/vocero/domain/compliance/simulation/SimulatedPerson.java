package dev.vocero.domain.compliance.simulation;

import java.time.ZoneId;
import java.util.List;

/** A person of a simulation as the checker sees it: where the law applies, the local clock and every number. */
public record SimulatedPerson(long id, String jurisdiction, ZoneId zone, List<String> numbers) {}
