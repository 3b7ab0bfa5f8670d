package dev.vocero.domain.compliance;

import java.time.Instant;

/** One calling window on the time line: calls may start in [start, end). */
record Opening(Instant start, Instant end) {

  boolean contains(Instant at) {
    return !at.isBefore(start) && at.isBefore(end);
  }
}
