package dev.vocero.workflows.calls;

/** The bounds a batch works within: its contact page and the pace an operator may set. */
final class BatchLimits {
  static final int PAGE_SIZE = 500;
  static final int MAX_PAGE_SIZE = 1000;
  static final double MAX_CALLS_PER_SECOND = 100;
  static final int MAX_CONCURRENT_CALLS = 1000;

  private BatchLimits() {}

  /** The requested page size within bounds; 0 or less means the default. */
  static int pageSize(int requested) {
    return requested > 0 ? Math.min(requested, MAX_PAGE_SIZE) : PAGE_SIZE;
  }

  /** Refuses a pace change outside the bounds; a null maxConcurrentCalls keeps the current one. */
  static void checkPace(PaceChange change) {
    if (change == null) {
      throw new IllegalArgumentException("a pace change is required");
    }
    if (!(change.callsPerSecond() > 0 && change.callsPerSecond() <= MAX_CALLS_PER_SECOND)) {
      throw new IllegalArgumentException("callsPerSecond must be greater than 0 and at most " + MAX_CALLS_PER_SECOND);
    }
    Integer max = change.maxConcurrentCalls();
    if (max != null && (max < 1 || max > MAX_CONCURRENT_CALLS)) {
      throw new IllegalArgumentException("maxConcurrentCalls must be between 1 and " + MAX_CONCURRENT_CALLS);
    }
  }
}
