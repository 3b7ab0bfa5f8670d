package dev.vocero.workflows.calls;

/**
 * When the batch's next call starts are due: start i at t0 + i / callsPerSecond, so a late timer or a slow workflow
 * task does not push every later start back. A late batch starts what is due at once, but the backlog it may catch up
 * never exceeds one second of starts (a long full window or a restart does not become a burst). Pure: the caller
 * passes workflow time.
 */
final class DispatchTimetable {
  private double intervalMillis;
  private int maxBacklog;
  private double nextDueMillis;
  private double lastStartMillis;

  /** {@code nextDueMillis} 0 (a first run, or a run continued from a batch without a timetable): due now. */
  DispatchTimetable(double callsPerSecond, double nextDueMillis, long nowMillis) {
    pace(callsPerSecond);
    this.nextDueMillis = nextDueMillis > 0 ? nextDueMillis : nowMillis;
  }

  /** How many starts are due at {@code nowMillis}; an older backlog than one second of starts is forgotten. */
  int due(long nowMillis) {
    if (nowMillis < nextDueMillis) {
      return 0;
    }
    long due = (long) Math.floor((nowMillis - nextDueMillis) / intervalMillis) + 1;
    if (due > maxBacklog) {
      nextDueMillis = nowMillis - (maxBacklog - 1) * intervalMillis;
      return maxBacklog;
    }
    return (int) due;
  }

  /** {@code count} starts were made at {@code nowMillis}: they take the next {@code count} places of the timetable. */
  void started(int count, long nowMillis) {
    nextDueMillis += count * intervalMillis;
    lastStartMillis = nowMillis;
  }

  /** Milliseconds until the next start is due (at least 1 when it is not due yet, 0 when it is). */
  long millisUntilNext(long nowMillis) {
    return nowMillis >= nextDueMillis ? 0 : Math.max(1, (long) Math.ceil(nextDueMillis - nowMillis));
  }

  /** A new pace applies from the next start: it is due one new interval after the previous start, or now. */
  void repace(double callsPerSecond, long nowMillis) {
    double previous = Math.max(nextDueMillis - intervalMillis, lastStartMillis);
    pace(callsPerSecond);
    nextDueMillis = Math.max(previous + intervalMillis, nowMillis);
  }

  /** After a pause, starts go on at the pace from now, without catching up the paused time. */
  void resume(long nowMillis) {
    nextDueMillis = Math.max(nextDueMillis, nowMillis);
  }

  double nextDueMillis() {
    return nextDueMillis;
  }

  private void pace(double callsPerSecond) {
    intervalMillis = 1000.0 / callsPerSecond;
    maxBacklog = (int) Math.max(1, Math.ceil(callsPerSecond));
  }
}
