package dev.vocero.store.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vocero.store.OrgRows;
import dev.vocero.store.TestDatabase;
import dev.vocero.store.accounts.OrganizationDao;
import dev.vocero.store.campaigns.CampaignDao;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** The one-statement read of a batch's policy sources agrees with the three reads it replaces. */
class PolicySourcesTest {
  static final Jdbi JDBI = TestDatabase.fresh().jdbi();
  static final String LIMITS = "{\"maxCallsPerWeek\": 2}";

  @Test
  void givenNoSettingsAnywhere_itShouldReadEmptyTextForBatchAndOrganisation_andNoCampaign() {
    OrgRows rows = new OrgRows(JDBI);
    UUID batch = rows.batch("{}");
    BatchDao.PolicySources sources = JDBI.onDemand(BatchDao.class).policySources(rows.org(), batch).orElseThrow();
    assertEquals(new BatchDao.PolicySources("", null, ""), sources);
    assertSameAsTheSeparateReads(rows.org(), batch, sources);
  }

  @Test
  void givenSettingsOnEachLevel_itShouldReadEachOne() {
    OrgRows rows = new OrgRows(JDBI);
    UUID batch = rows.batch("{}");
    JDBI.onDemand(BatchDao.class).setContactPolicy(rows.org(), batch, LIMITS);
    JDBI.onDemand(OrganizationDao.class).setCustomContactPolicy(rows.org(), "{\"maxCallsPerWeek\": 3}");
    UUID campaign = rows.weekdayCampaign(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31), LocalTime.of(9, 0),
        LocalTime.of(18, 0), "America/Santiago");
    CampaignDao campaigns = JDBI.onDemand(CampaignDao.class);
    campaigns.attach(campaign, rows.org(), List.of(batch));
    campaigns.setContactPolicy(rows.org(), campaign, "{\"maxCallsPerWeek\": 1}");

    BatchDao.PolicySources sources = JDBI.onDemand(BatchDao.class).policySources(rows.org(), batch).orElseThrow();
    assertTrue(sources.batch().contains("2") && sources.campaign().contains("1")
        && sources.organization().contains("3"), sources.toString());
    assertSameAsTheSeparateReads(rows.org(), batch, sources);

    campaigns.cancelDraft(rows.org(), campaign); // a draft cancelled before it ran no longer binds its batches
    BatchDao.PolicySources cancelled = JDBI.onDemand(BatchDao.class).policySources(rows.org(), batch).orElseThrow();
    assertNull(cancelled.campaign());
    assertSameAsTheSeparateReads(rows.org(), batch, cancelled);
  }

  @Test
  void givenAnotherOrganisationsBatch_itShouldReadNothing() {
    OrgRows rows = new OrgRows(JDBI);
    OrgRows other = new OrgRows(JDBI);
    UUID batch = rows.batch("{}");
    assertTrue(JDBI.onDemand(BatchDao.class).policySources(other.org(), batch).isEmpty(), "organisation isolation");
  }

  private static void assertSameAsTheSeparateReads(UUID org, UUID batch, BatchDao.PolicySources sources) {
    assertEquals(JDBI.onDemand(BatchDao.class).contactPolicy(org, batch).orElse(null), sources.batch());
    assertEquals(JDBI.onDemand(CampaignDao.class).contactPolicyOfBatch(org, batch).orElse(null), sources.campaign());
    assertEquals(JDBI.onDemand(OrganizationDao.class).customContactPolicy(org).orElse(null), sources.organization());
  }
}
