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
}
