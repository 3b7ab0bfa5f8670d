package dev.vocero.activities.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vocero.activities.calls.CallbackUrls;
import dev.vocero.activities.calls.ContactCallActivitiesImpl;
import dev.vocero.activities.calls.UnusedTelephony;
import dev.vocero.domain.persons.PersonKey;
import dev.vocero.store.TestDatabase;
import dev.vocero.store.accounts.OrganizationDao;
import dev.vocero.store.calls.BatchDao;
import dev.vocero.store.calls.ContactDao;
import dev.vocero.store.campaigns.CampaignDao;
import dev.vocero.store.persons.PersonDao;
import dev.vocero.workflows.calls.BatchSettings;
import dev.vocero.workflows.calls.ContactCallActivities.AttemptPlan;
import dev.vocero.workflows.calls.ContactCallActivities.Decision;
import dev.vocero.workflows.calls.ContactCallActivities.PlanRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Real PostgreSQL: a batch attached to a draft campaign is planned under the campaign's policy before the campaign is
 * scheduled (it will run under it), and under its own again once the draft is cancelled.
 */
class DraftCampaignPolicyTest {
  // Tuesday 2026-03-03 10:00 in Santiago (UTC-3)
  static final Instant CL_TUESDAY = Instant.parse("2026-03-03T13:00:00Z");
  static Jdbi jdbi;

  final UUID org = UUID.randomUUID();

  @BeforeAll
  static void database() {
    jdbi = TestDatabase.fresh().jdbi();
  }

  @BeforeEach
  void organization() {
    jdbi.useExtension(OrganizationDao.class, dao -> dao.insert(org, "Org " + org));
  }

  @Test
  void givenABatchInADraftCampaignThatAllowsNoCall_itShouldBeBlockedUntilTheDraftIsCancelled() {
    UUID batch = batch();
    long ana = contact(batch, 2, "12.345.678-5", "+56922222222");
    long luis = contact(batch, 3, "9.876.543-3", "+56933333333");
    UUID campaign = UUID.randomUUID();
    jdbi.useExtension(CampaignDao.class, dao -> {
      dao.insert(campaign, org, "Marzo", LocalDate.parse("2026-03-02"), LocalDate.parse("2026-03-31"),
          List.of("MON", "TUE", "WED", "THU", "FRI"), LocalTime.of(9, 0), LocalTime.of(18, 0), "America/Santiago", 0,
          "{}", null);
      dao.setContactPolicy(org, campaign, "{\"callsPerDay\":0}");
      dao.attach(campaign, org, List.of(batch));
    });
    ContactCallActivitiesImpl calls = calls(CL_TUESDAY);

    AttemptPlan underDraft = calls.planAttempt(plan(batch, ana));
    assertEquals(Decision.BLOCKED_CAP, underDraft.decision(), underDraft.reason());
    assertTrue(underDraft.reason().endsWith("[campaign.calls-per-day]"), underDraft.reason());

    assertEquals(1, (int) jdbi.withExtension(CampaignDao.class, dao -> dao.cancelDraft(org, campaign)));
    AttemptPlan afterCancel = calls.planAttempt(plan(batch, luis));
    assertEquals(Decision.DIAL, afterCancel.decision(), afterCancel.reason());
    assertTrue(afterCancel.reason().endsWith("[cl.hours]"), "under Chile's policy alone: " + afterCancel.reason());
  }

  @Test
  void givenAScheduledCampaignThatIsCancelled_itsBatchesShouldStayUnderItsPolicy() {
    UUID batch = batch();
    long ana = contact(batch, 2, "12.345.678-5", "+56922222222");
    UUID campaign = UUID.randomUUID();
    jdbi.useExtension(CampaignDao.class, dao -> {
      dao.insert(campaign, org, "Marzo", LocalDate.parse("2026-03-02"), LocalDate.parse("2026-03-31"),
          List.of("MON", "TUE", "WED", "THU", "FRI"), LocalTime.of(9, 0), LocalTime.of(18, 0), "America/Santiago", 0,
          "{}", null);
      dao.setContactPolicy(org, campaign, "{\"callsPerDay\":0}");
      dao.attach(campaign, org, List.of(batch));
      dao.schedule(org, campaign);
    });
    jdbi.useHandle(h -> h.createUpdate("update campaigns set state = 'cancelled' where id = :id")
        .bind("id", campaign).execute());

    AttemptPlan plan = calls(CL_TUESDAY).planAttempt(plan(batch, ana));
    assertEquals(Decision.BLOCKED_CAP, plan.decision(), "a campaign that ran keeps holding what it attached");
  }

  private UUID batch() {
    UUID id = UUID.randomUUID();
    jdbi.useExtension(BatchDao.class, dao -> dao.insert(id, org, "B", "{\"jurisdiction\":\"CL\"}", "x.csv", "csv", 1,
        1, 0, null));
    return id;
  }

  private long contact(UUID batch, int row, String document, String phone) {
    Optional<PersonKey> key = PersonKey.of(document, Map.of());
    jdbi.useExtension(ContactDao.class, dao -> dao.insertAll(org, batch, List.of(new ContactDao.NewContact(row, "N",
        List.of(phone), null, null, "America/Santiago", document, null, "{}",
        key.map(k -> k.kind().wire()).orElse(null), key.map(PersonKey::hash).orElse(null)))));
    jdbi.useExtension(PersonDao.class, dao -> dao.attachBatch(org, batch));
    return jdbi.withExtension(ContactDao.class, dao -> dao.idsAfter(org, batch, 0, 100)).stream()
        .reduce((a, b) -> b).orElseThrow();
  }

  private PlanRequest plan(UUID batch, long contact) {
    return new PlanRequest(org, batch, contact, 1, 0,
        new BatchSettings(1, 1, 3, Map.of("no_answer", 3600L), "CL", List.of(), 0, 60, 0));
  }

  private ContactCallActivitiesImpl calls(Instant now) {
    return new ContactCallActivitiesImpl(jdbi, new UnusedTelephony("planning"), new CallbackUrls("http://localhost:8080"),
        new ContactCallActivitiesImpl.TelephonyDefaults(null, false, null, 30), Clock.fixed(now, ZoneOffset.UTC));
  }

}
