package dev.vocero.workflows.campaigns;

/** Campaign states, the same words in PostgreSQL, the API and the VoceroStatus search attribute. */
public final class CampaignStates {
  public static final String DRAFT = "draft";
  public static final String SCHEDULED = "scheduled";
  public static final String RUNNING = "running";
  public static final String PAUSED = "paused";
  public static final String COMPLETED = "completed";
  public static final String CANCELLED = "cancelled";

  private CampaignStates() {}
}
