package dev.vocero.workflows.calls;

import java.util.UUID;

/**
 * A telephony provider's status callback, already verified and stored by the webhook endpoint.
 *
 * @param eventKey       unique per provider event (provider, call id, sequence/event id): duplicates are ignored
 * @param sequence       the provider's order for this call (Twilio SequenceNumber); events are applied in it
 * @param status         the provider's own status word (e.g. ringing, in-progress, completed)
 * @param terminal       true when the call is over; a terminal status is final
 * @param disposition    set when terminal
 */
public record ProviderEvent(
    String eventKey,
    String provider,
    UUID attemptId,
    String providerCallId,
    int sequence,
    String status,
    boolean terminal,
    Disposition disposition,
    Long durationSeconds) {}
