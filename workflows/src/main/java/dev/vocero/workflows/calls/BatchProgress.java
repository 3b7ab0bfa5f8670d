package dev.vocero.workflows.calls;

/**
 * Answer of the batch's {@code progress} query. A batch that paused itself for lack of credit says why in words
 * ({@code "no credit: 12 credits available, 30 needed…"}, starting with {@link #CREDIT_REASON}); the campaign's word
 * for it is {@link #NO_CREDIT}.
 */
public record BatchProgress(BatchStatus status, int started, int finished, int running, boolean paused,
    double callsPerSecond, int maxConcurrentCalls, String pauseReason) {
  public static final String NO_CREDIT = "no_credit";
  public static final String CREDIT_REASON = "no credit";

  /** Paused by itself because the organisation's credits could not cover the next call. */
  public boolean pausedForCredit() {
    return paused && pauseReason != null && (pauseReason.equals(NO_CREDIT) || pauseReason.startsWith(CREDIT_REASON));
  }

  /** The same progress with the campaign's word for a credit pause, so the campaign knows it paused itself. */
  public BatchProgress withCreditWord() {
    return pausedForCredit() && !NO_CREDIT.equals(pauseReason) ? new BatchProgress(status, started, finished, running,
        paused, callsPerSecond, maxConcurrentCalls, NO_CREDIT) : this;
  }

  public BatchProgress(BatchStatus status, int started, int finished, int running, boolean paused, double callsPerSecond,
      int maxConcurrentCalls) {
    this(status, started, finished, running, paused, callsPerSecond, maxConcurrentCalls, null);
  }
}
