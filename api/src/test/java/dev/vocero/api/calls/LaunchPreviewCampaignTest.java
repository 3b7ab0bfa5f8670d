package dev.vocero.api.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vocero.domain.compliance.ContactChannel;
import dev.vocero.domain.compliance.ContactPolicies;
import dev.vocero.domain.compliance.ContactPolicy;
import dev.vocero.store.OrgRows;
import dev.vocero.store.TestDatabase;
import dev.vocero.store.calls.ContactDao;
import dev.vocero.store.calls.DncDao;
import dev.vocero.workflows.campaigns.CampaignSchedule;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * The launch preview against a real PostgreSQL (DNC list, contact history) with what the campaign adds: first calls
 * only in its windows and up to its daily quota, and the immediate try on the person's next number.
 */
class LaunchPreviewCampaignTest {
  // Monday 2026-03-02 10:00 UTC = 07:00 in Santiago (UTC-3), before Chile's 08:00
  static final Instant MONDAY = Instant.parse("2026-03-02T10:00:00Z");
  static final ContactPolicy CHILE = ContactPolicies.forBatch("CL", List.of(), null);
  static final Jdbi jdbi = TestDatabase.fresh().jdbi();
  final UUID org = new OrgRows(jdbi).org(); // a new organisation per test

  /** Weekdays 09:00–17:00 in Santiago. */
  static CampaignSchedule weekdays(String start, String end) {
    return new CampaignSchedule(start, end, List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"), "09:00",
        "17:00", "America/Santiago");
  }

  static LaunchPreview list(int persons, String... phonesOfEach) {
    LaunchPreview preview = new LaunchPreview();
    for (int i = 0; i < persons; i++) {
      final int row = i;
      List<String> phones = phonesOfEach.length > 0 ? List.of(phonesOfEach)
          : List.of("+5691234" + String.format("%04d", row));
      preview.add(new ContactDao.NewContact(row + 2, "N" + row, phones, null, null, "America/Santiago", null, null,
          "{}"));
    }
    return preview;
  }

  static Map<LocalDate, Integer> days(BatchViews.Preview preview) {
    return preview.byDay().stream().collect(Collectors.toMap(BatchViews.PreviewDay::date,
        BatchViews.PreviewDay::persons));
  }

  @Test
  void givenADailyQuotaOfTwo_fivePersonsShouldStartOverThreeWindows() {
    BatchViews.Preview alone = list(5).preview(jdbi, org, CHILE, ContactChannel.CALL, MONDAY, null, null, null);
    assertEquals(Map.of(LocalDate.parse("2026-03-02"), 5), days(alone), "without the campaign: all on Monday");

    CampaignSlots campaign = new CampaignSlots(weekdays("2026-03-02", "2026-03-31"), 2, Map.of());
    BatchViews.Preview inCampaign = list(5).preview(jdbi, org, CHILE, ContactChannel.CALL, MONDAY, null, null,
        campaign);
    assertEquals(Map.of(LocalDate.parse("2026-03-02"), 2, LocalDate.parse("2026-03-03"), 2,
        LocalDate.parse("2026-03-04"), 1), days(inCampaign));
    assertEquals(5, inCampaign.reachable());

    BatchViews.Preview secondBatch = list(3).preview(jdbi, org, CHILE, ContactChannel.CALL, MONDAY, null, null,
        campaign);
    assertEquals(Map.of(LocalDate.parse("2026-03-04"), 1, LocalDate.parse("2026-03-05"), 2), days(secondBatch),
        "the campaign's batches share its quota");
  }

  @Test
  void givenASaturday_aWeekdayCampaignShouldStartOnMondayThoughChileAllowsSaturdays() {
    Instant saturday = Instant.parse("2026-03-07T13:00:00Z"); // 10:00 in Santiago
    BatchViews.Preview alone = list(1).preview(jdbi, org, CHILE, ContactChannel.CALL, saturday, null, null, null);
    assertEquals(Map.of(LocalDate.parse("2026-03-07"), 1), days(alone));

    CampaignSlots campaign = new CampaignSlots(weekdays("2026-03-02", "2026-03-31"), 0, Map.of());
    LaunchPreview.Retries retries = new LaunchPreview.Retries(2, Map.of("no_answer", 3600L));
    BatchViews.Preview inCampaign = list(1).preview(jdbi, org, CHILE, ContactChannel.CALL, saturday, null, retries,
        campaign);
    assertEquals(Map.of(LocalDate.parse("2026-03-09"), 1), days(inCampaign));
    assertEquals(LocalDate.parse("2026-03-09"), inCampaign.retries().byDay().get(0).date());
    assertEquals(LocalDate.parse("2026-03-16"), inCampaign.retries().byDay().get(1).date(),
        "the retry a week later (Chile's once a week)");
  }

  @Test
  void givenACampaignWithNoWindowLeft_everyPersonShouldBeBlockedByItsSchedule() {
    CampaignSlots over = new CampaignSlots(weekdays("2026-02-02", "2026-02-27"), 0, Map.of());
    BatchViews.Preview preview = list(2).preview(jdbi, org, CHILE, ContactChannel.CALL, MONDAY, null,
        new LaunchPreview.Retries(3, Map.of("no_answer", 3600L)), over);
    assertEquals(0, preview.reachable());
    assertEquals(List.of(new BatchViews.PreviewBlock(CampaignSlots.SCHEDULE_OVER, 2)), preview.blocked());
    assertEquals(List.of(new RetryPreview.Block(CampaignSlots.SCHEDULE_OVER, 6, 4)), preview.retries().blocked());
  }

  @Test
  void givenCallsThatNeverLeave_theNextAttemptShouldGoAtOnceToTheNextNumberNotOnTheDncList() {
    jdbi.useExtension(DncDao.class, dao -> dao.add(org, "+56922222222", null, "api"));
    LaunchPreview.Retries failedOnly = new LaunchPreview.Retries(4, Map.of("failed", 3600L));
    BatchViews.Preview preview = list(1, "+56911111111", "+56922222222", "+56933333333")
        .preview(jdbi, org, CHILE, ContactChannel.CALL, MONDAY, null, failedOnly, null);
    RetryPreview retries = preview.retries();
    assertEquals("failed", retries.assumedOutcome());
    assertTrue(retries.assumption().contains("at once on the person's next number"), retries.assumption());
    assertEquals(1, retries.firstCalls());
    assertEquals(1, retries.retries(), "the third number (the second is on the DNC list), held a week by Chile");
    assertEquals(LocalDate.parse("2026-03-09"), retries.byDay().get(1).date());
    assertEquals(List.of(new RetryPreview.Block(LaunchPreview.NO_NUMBER, 2, 2)), retries.blocked(),
        "no number left for the last two attempts");
  }
}
