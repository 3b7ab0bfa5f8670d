package dev.vocero.workflows.campaigns;

import java.util.UUID;

/** A batch or a message wave of a campaign: what the campaign holds and releases with its window. */
interface CampaignMember {

  UUID id();

  /** Its workflow exists (started by the campaign, or found running). */
  boolean launched();

  MemberStatus status();

  /** What the day's quota counts: contacts started (a batch) or messages sent (a wave). */
  int count();

  boolean done();
}
