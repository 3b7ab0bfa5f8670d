package dev.vocero.workflows.common;

import io.temporal.common.SearchAttributeKey;
import java.util.List;

/** Custom search attributes shown in the Temporal Web UI. Never a phone number, name or transcript. */
public final class VoceroSearchAttributes {
  public static final SearchAttributeKey<String> ORG = SearchAttributeKey.forKeyword("VoceroOrg");
  public static final SearchAttributeKey<String> KIND = SearchAttributeKey.forKeyword("VoceroKind");
  public static final SearchAttributeKey<String> STATUS = SearchAttributeKey.forKeyword("VoceroStatus");
  public static final SearchAttributeKey<String> BATCH_ID = SearchAttributeKey.forKeyword("VoceroBatchId");
  public static final SearchAttributeKey<String> CAMPAIGN_ID = SearchAttributeKey.forKeyword("VoceroCampaignId");

  /** Every key, all of type Keyword: registered at start-up when missing. */
  public static final List<SearchAttributeKey<String>> ALL = List.of(ORG, KIND, STATUS, BATCH_ID, CAMPAIGN_ID);

  private VoceroSearchAttributes() {}
}
