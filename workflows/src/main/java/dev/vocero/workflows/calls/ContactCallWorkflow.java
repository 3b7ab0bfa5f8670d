package dev.vocero.workflows.calls;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One contact of a batch: for each attempt wait for a legal window, check DNC and caps, place the call
 * effectively once, await the provider's terminal event (deadline, then a poll), retry by disposition.
 */
@WorkflowInterface
public interface ContactCallWorkflow {

  @WorkflowMethod(name = "ContactCall")
  ContactOutcome call(ContactCallInput input);

  /** A provider status event for one of this contact's attempts; deduplicated by eventKey. */
  @SignalMethod(name = "providerEvent")
  void providerEvent(ProviderEvent event);

  /** A recording callback for one of this contact's attempts; deduplicated by eventKey. */
  @SignalMethod(name = "recording")
  void recording(RecordingEvent event);

  @SignalMethod(name = "cancel")
  void cancel(String reason);

  @QueryMethod(name = "progress")
  ContactProgress progress();
}
