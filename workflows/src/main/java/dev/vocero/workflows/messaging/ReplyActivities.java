package dev.vocero.workflows.messaging;

import io.temporal.activity.ActivityInterface;
import java.util.UUID;

/** The steps of an automatic reply to an inbound message. */
@ActivityInterface(namePrefix = "Replies")
public interface ReplyActivities {

  /** ApplicationFailure type of a retryable model failure (busy, unreachable). */
  String MODEL_RETRYABLE = "ReplyModelRetryable";

  /** One stored inbound message of one organisation. */
  record InboundMessage(UUID orgId, UUID messageId) {}

  enum Decision {
    REPLY,
    /** The customer wrote a handoff keyword: the conversation was taken over, nobody answers automatically. */
    HANDED_OFF,
    DISABLED,
    /** Automatic replies are on but no language model is configured ({@code llm.providers}). */
    NO_MODEL,
    TAKEN_OVER,
    OPTED_OUT,
    DAILY_LIMIT,
    ALREADY_REPLIED,
    /** A newer inbound message of the same conversation will be answered instead (the customer wrote twice). */
    SUPERSEDED,
    UNKNOWN_MESSAGE
  }

  record ReplyPlan(Decision decision) {}

  /** {@code handoff}: the model asked for a person; {@code text} is then not sent. */
  record ComposedReply(String text, boolean handoff) {}

  record SendReply(UUID orgId, UUID inboundMessageId, String text) {}

  /** {@code SKIPPED_NO_CREDIT}: the organization's enforced credits could not cover it; recorded cancelled. */
  enum Sent { SENT, SKIPPED_TAKEN_OVER, SKIPPED_OPTED_OUT, REJECTED, SKIPPED_NO_CREDIT }

  record ReplyOutcome(Decision decision, Sent sent, UUID replyMessageId) {}

  /** An outbound message already recorded in PostgreSQL (an operator's). */
  record RecordedMessage(UUID orgId, UUID messageId) {}

  /** Reads the settings and the conversation; takes the conversation over when the customer asks for a person. */
  ReplyPlan decide(InboundMessage message);

  /** Asks the language model with the organisation's instructions, the recent conversation and the contact's data. */
  ComposedReply compose(InboundMessage message);

  /** The model asked for a person: the conversation is taken over. */
  void handOff(InboundMessage message);

  /** Records the reply (marked automatic) before sending it effectively once; checks takeover and DNC again first. */
  ReplyOutcome send(SendReply reply);

  /** Sends a recorded message effectively once; a number on the DNC list cancels it. */
  Sent sendRecorded(RecordedMessage message);
}
