package dev.vocero.workflows.campaigns;

/**
 * How the campaign starts, holds, releases, reads and cancels one kind of member through activities, and how it reads
 * that kind's progress {@code P}. Every call but {@link #cancel} answers null when the member has no workflow.
 */
interface MemberControl<M extends CampaignMember, P> {

  /** "batch" or "wave", for logs and the credit pause. */
  String kind();

  P start(M member);

  P hold(M member);

  P release(M member);

  P progress(M member);

  /** Tells the member's workflow to stop; false when it had already ended. */
  boolean cancel(M member, String reason);

  /** A member not started by the campaign may already run (an attached batch), so holding it needs the activity. */
  boolean mayRunBeforeLaunch();

  /** COMPLETED or CANCELLED when the progress says the member ended, else null. */
  MemberStatus ended(P progress);

  int count(P progress);

  boolean paused(P progress);

  String pauseReason(P progress);

  /** The member as seen now: launched, with the progress's counters. */
  M seen(M member, MemberStatus status, P progress);

  /** The member with a new status and its counters unchanged. */
  M withStatus(M member, boolean launched, MemberStatus status);
}
