package dev.vocero.workflows.common;

import io.temporal.client.WorkflowOptions;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.ContinueAsNewOptions;
import io.temporal.workflow.Workflow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What Temporal's Web UI shows of a workflow instead of its ID: a one-line static summary and a memo of business names
 * (organisation; batch, campaign, wave or recording). Built only from names people gave those objects and from ids:
 * never a phone number, a contact's name, a message or a transcript.
 */
public record WorkflowLabels(String summary, Map<String, Object> memo) {
  public static final String ORGANISATION = "organisation";
  public static final String KIND = "kind";
  public static final String BATCH = "batch";
  public static final String CAMPAIGN = "campaign";
  public static final String WAVE = "wave";
  public static final String RECORDING = "recording";
  static final int MAX_NAME = 80;

  public WorkflowLabels {
    memo = Map.copyOf(memo);
  }

  public static WorkflowLabels batch(String organisation, String batch, String campaign) {
    String summary = "Call batch " + quoted(batch) + (campaign == null ? "" : " of campaign " + quoted(campaign));
    return of("batch", summary, organisation, BATCH, batch, CAMPAIGN, campaign);
  }

  public static WorkflowLabels campaign(String organisation, String campaign) {
    return of("campaign", "Campaign " + quoted(campaign), organisation, CAMPAIGN, campaign);
  }

  public static WorkflowLabels wave(String organisation, String wave, String campaign) {
    String summary = "Message wave " + quoted(wave) + (campaign == null ? "" : " of campaign " + quoted(campaign));
    return of("wave", summary, organisation, WAVE, wave, CAMPAIGN, campaign);
  }

  public static WorkflowLabels recording(String organisation, String recording, String batch) {
    String summary = "Processing of recording " + quoted(recording) + (batch == null ? "" : " from batch " + quoted(batch));
    return of("audio", summary, organisation, RECORDING, recording, BATCH, batch);
  }

  /** A contact's call: the contact's number in the batch, never their name or phone. */
  public static WorkflowLabels contactCall(String organisation, String batch, String campaign, long contactId) {
    return of("call", "Call to contact #" + contactId + " of batch " + quoted(batch), organisation, BATCH, batch,
        CAMPAIGN, campaign);
  }

  /** A workflow with no named object of its own: a chat conversation, a reply, a webhook delivery. */
  public static WorkflowLabels plain(String kind, String summary, String organisation) {
    return of(kind, summary, organisation);
  }

  /**
   * Inside a batch's workflow: the labels of the children that work for it, from its names read once from its memo
   * (deterministic: the memo is part of the start event; reading it per child decrypted three payloads per start).
   */
  public static java.util.function.LongFunction<WorkflowLabels> contactCallsOfThisBatch() {
    String organisation = memo(ORGANISATION);
    String batch = memo(BATCH);
    String campaign = memo(CAMPAIGN);
    return contactId -> contactCall(organisation, batch, campaign, contactId);
  }

  /** Inside a workflow: a child's recording labels, with this execution's organisation and batch. */
  public static WorkflowLabels recordingOfThisBatch(String recording) {
    return recording(memo(ORGANISATION), recording, memo(BATCH));
  }

  /** Inside an audio's workflow: the labels of a webhook delivery for an alert on this recording. */
  public static WorkflowLabels webhookDeliveryOfThisRecording() {
    return of("webhook", "Webhook delivery of an alert on recording " + quoted(memo(RECORDING)), memo(ORGANISATION),
        RECORDING, memo(RECORDING));
  }

  /**
   * Inside a workflow about to continue as new: options that carry this run's memo to the next run, which Temporal's
   * test server (and the SDK) would otherwise drop; null when this run has no memo, the same as no options. The
   * summary cannot be carried: the SDK's continue-as-new takes none.
   */
  public static ContinueAsNewOptions carriedOn() {
    Map<String, Object> memo = new LinkedHashMap<>();
    for (String key : List.of(KIND, ORGANISATION, BATCH, CAMPAIGN, WAVE, RECORDING)) {
      put(memo, key, memo(key));
    }
    return memo.isEmpty() ? null : ContinueAsNewOptions.newBuilder().setMemo(memo).build();
  }

  public WorkflowOptions.Builder applyTo(WorkflowOptions.Builder options) {
    return options.setStaticSummary(summary).setMemo(memo);
  }

  public ChildWorkflowOptions.Builder applyTo(ChildWorkflowOptions.Builder options) {
    return options.setStaticSummary(summary).setMemo(memo);
  }

  private static String memo(String key) {
    return Workflow.getMemo(key, String.class, String.class);
  }

  private static WorkflowLabels of(String kind, String summary, String organisation, String... namedObjects) {
    Map<String, Object> memo = new LinkedHashMap<>();
    memo.put(KIND, kind);
    put(memo, ORGANISATION, organisation);
    for (int i = 0; i < namedObjects.length; i += 2) {
      put(memo, namedObjects[i], namedObjects[i + 1]);
    }
    String org = organisation == null ? "" : " · " + clip(organisation);
    return new WorkflowLabels(summary + org, memo);
  }

  private static void put(Map<String, Object> memo, String key, String value) {
    if (value != null && !value.isBlank()) {
      memo.put(key, clip(value));
    }
  }

  private static String quoted(String name) {
    return name == null || name.isBlank() ? "(unnamed)" : "«" + clip(name) + "»";
  }

  static String clip(String name) {
    String flat = name.strip().replaceAll("\\s+", " ");
    return flat.length() <= MAX_NAME ? flat : flat.substring(0, MAX_NAME - 1) + "…";
  }
}
