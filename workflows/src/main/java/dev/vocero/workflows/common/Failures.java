package dev.vocero.workflows.common;

import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TemporalFailure;

/** Names a failed activity or child in logs: its application failure type, else the cause's class. */
public final class Failures {
  private Failures() {}

  public static String type(TemporalFailure failure) {
    Throwable cause = failure.getCause();
    if (cause instanceof ApplicationFailure app) {
      return app.getType();
    }
    return (cause != null ? cause : failure).getClass().getSimpleName();
  }
}
