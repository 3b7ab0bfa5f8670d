package dev.vocero.activities.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vocero.activities.calls.ContactCallActivitiesImpl;
import dev.vocero.store.TestDatabase;
import dev.vocero.store.campaigns.CampaignDao;
import dev.vocero.workflows.calls.ContactCallActivities.AttemptPlan;
import dev.vocero.workflows.calls.ContactCallActivities.Decision;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * Real PostgreSQL: a batch attached to a draft campaign is planned under the campaign's policy before the campaign is
 * scheduled (it will run under it), and under its own again once the draft is cancelled.
 */
class DraftCampaignPolicyTest {
  // Tuesday 2026-03-03 10:00 in Santiago (UTC-3)
  static final Instant CL_TUESDAY = Instant.parse("2026-03-03T13:00:00Z");
  static final Jdbi jdbi = TestDatabase.fresh().jdbi();

  final GateRows rows = new GateRows(jdbi); // a new organisation per test
  final UUID org = rows.org();

  @Test
  void givenABatchInADraftCampaignThatAllowsNoCall_itShouldBeBlockedUntilTheDraftIsCancelled() {
    UUID batch = rows.batch("CL");
    long ana = rows.contact(batch, 2, "12.345.678-5", "America/Santiago", "+56922222222");
    long luis = rows.contact(batch, 3, "9.876.543-3", "America/Santiago", "+56933333333");
    UUID campaign = campaignAllowingNoCall(batch);
    ContactCallActivitiesImpl calls = rows.calls(CL_TUESDAY);

    AttemptPlan underDraft = calls.planAttempt(rows.plan(batch, ana, 1, 0, "CL"));
    assertEquals(Decision.BLOCKED_CAP, underDraft.decision(), underDraft.reason());
    assertTrue(underDraft.reason().endsWith("[campaign.calls-per-day]"), underDraft.reason());

    assertEquals(1, (int) jdbi.withExtension(CampaignDao.class, dao -> dao.cancelDraft(org, campaign)));
    AttemptPlan afterCancel = calls.planAttempt(rows.plan(batch, luis, 1, 0, "CL"));
    assertEquals(Decision.DIAL, afterCancel.decision(), afterCancel.reason());
    assertTrue(afterCancel.reason().endsWith("[cl.hours]"), "under Chile's policy alone: " + afterCancel.reason());
  }

  @Test
  void givenAScheduledCampaignThatIsCancelled_itsBatchesShouldStayUnderItsPolicy() {
    UUID batch = rows.batch("CL");
    long ana = rows.contact(batch, 2, "12.345.678-5", "America/Santiago", "+56922222222");
    UUID campaign = campaignAllowingNoCall(batch);
    jdbi.useExtension(CampaignDao.class, dao -> dao.schedule(org, campaign));
    jdbi.useHandle(h -> h.createUpdate("update campaigns set state = 'cancelled' where id = :id")
        .bind("id", campaign).execute());

    AttemptPlan plan = rows.calls(CL_TUESDAY).planAttempt(rows.plan(batch, ana, 1, 0, "CL"));
    assertEquals(Decision.BLOCKED_CAP, plan.decision(), "a campaign that ran keeps holding what it attached");
  }

  /** A draft campaign in March that allows no call a day, with the batch in it. */
  private UUID campaignAllowingNoCall(UUID batch) {
    UUID campaign = rows.weekdayCampaign(LocalDate.parse("2026-03-02"), LocalDate.parse("2026-03-31"),
        LocalTime.of(9, 0), LocalTime.of(18, 0), "America/Santiago");
    jdbi.useExtension(CampaignDao.class, dao -> {
      dao.setContactPolicy(org, campaign, "{\"callsPerDay\":0}");
      dao.attach(campaign, org, List.of(batch));
    });
    return campaign;
  }
}
