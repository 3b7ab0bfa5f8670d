package dev.vocero.workflows.alerts;

import io.temporal.activity.ActivityInterface;

/** Alert evaluation; a separate interface so the audio workflow's own activities stay small. Idempotent. */
@ActivityInterface(namePrefix = "Alerts")
public interface AlertActivities {

  /**
   * Evaluates the organization's enabled rules against the stored transcript, raises each alert once (rule,
   * audio, segment) and records one pending delivery per new alert and subscribed webhook.
   */
  AlertResult raiseAlerts(AlertRequest request);
}
