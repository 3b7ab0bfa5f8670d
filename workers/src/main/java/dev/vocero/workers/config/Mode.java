package dev.vocero.workers.config;

/** Which parts a process runs: chosen by the command ({@code server}, {@code worker}, {@code dev}). */
public enum Mode {
  API(true, false),
  WORKER(false, true),
  ALL(true, true);

  private final boolean api;
  private final boolean worker;

  Mode(boolean api, boolean worker) {
    this.api = api;
    this.worker = worker;
  }

  public boolean api() {
    return api;
  }

  public boolean worker() {
    return worker;
  }

  /** {@code vocero dev} (and the tests that run as it): the only mode that accepts the sandbox's public secrets. */
  public boolean dev() {
    return this == ALL;
  }
}
