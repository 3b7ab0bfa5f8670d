package dev.vocero.domain.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vocero.domain.compliance.GateDecision.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyTighteningTest {
  static final ZoneId SANTIAGO = ZoneId.of("America/Santiago");
  static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
  // Tuesday 2026-03-03, 10:00 in Santiago; Saturday 2026-03-07, 10:00 in Santiago
  static final Instant CL_TUESDAY = Instant.parse("2026-03-03T13:00:00Z");
  static final Instant CL_SATURDAY = Instant.parse("2026-03-07T13:00:00Z");
  // Tuesday 2026-03-03, 10:00 in Chicago (UTC-6)
  static final Instant US_TUESDAY = Instant.parse("2026-03-03T16:00:00Z");

  static PolicySettings settings(Integer callsPerDay, Integer callsPerWeek, List<String> windows, String override) {
    return new PolicySettings(callsPerDay, callsPerWeek, null, null, null, null, windows,
        override == null ? null : new PolicySettings.Override(override));
  }

  @Test
  void givenChileAndTwoCallsAWeek_itShouldNameTheFieldAndTheRuleItLoosens() {
    List<PolicyTightening.Loosening> found = PolicyTightening.loosenings(ContactPolicies.of("CL").orElseThrow(),
        settings(null, 2, null, null));
    assertEquals(1, found.size());
    assertEquals("callsPerWeek", found.get(0).field());
    assertTrue(found.get(0).message().contains("cl.phone-once-a-week"), found.get(0).message());
  }

  @Test
  void givenColombiaAndTwoCallsADay_itShouldRefuseItUnderTheAllChannelDailyLimit() {
    List<PolicyTightening.Loosening> found = PolicyTightening.loosenings(ContactPolicies.of("CO").orElseThrow(),
        settings(2, null, null, null));
    assertEquals("callsPerDay", found.get(0).field());
    assertTrue(found.get(0).message().contains("co.once-a-day"), found.get(0).message());
  }

  @Test
  void givenChileAndNarrowerWindowsAndFewerCalls_itShouldFindNothingLooser() {
    assertEquals(List.of(), PolicyTightening.loosenings(ContactPolicies.of("CL").orElseThrow(),
        settings(1, 1, List.of("MON-FRI 09:00-18:00"), null)));
    assertEquals(List.of(), PolicyTightening.loosenings(ContactPolicies.of("US").orElseThrow(),
        new PolicySettings(2, 5, 1, 1, 24, 48, List.of("MON-SUN 09:00-20:00"), null)));
  }

  @Test
  void givenChileAndASundayWindowOrAShorterMessageGap_itShouldRefuseBoth() {
    List<PolicyTightening.Loosening> found = PolicyTightening.loosenings(ContactPolicies.of("CL").orElseThrow(),
        new PolicySettings(null, null, null, null, null, 24, List.of("SUN 10:00-12:00"), null));
    assertEquals(List.of("minHoursBetweenMessages", "windows"), found.stream().map(PolicyTightening.Loosening::field)
        .toList());
    assertTrue(found.get(1).message().contains("SUNDAY 10:00"), found.get(1).message());
  }

  @Test
  void givenChileTightenedToWeekdays_whenSaturdayComes_itShouldWaitForMondayUnderTheBatchRule() {
    ContactPolicy policy = ContactPolicies.forBatch("CL", null, settings(null, null, List.of("MON-FRI 09:00-18:00"),
        null));
    GateDecision d = ContactGate.decide(policy, ContactChannel.CALL, CL_SATURDAY, SANTIAGO, List.of());
    assertEquals(Verdict.WAIT, d.verdict());
    assertEquals("batch.hours", d.ruleId());
    assertEquals(Instant.parse("2026-03-09T12:00:00Z"), d.notBefore()); // Monday 09:00 in Santiago
    assertEquals("2026-12-07+batch", policy.version());
  }

  @Test
  void givenTheUsTightenedToTwoCallsADay_whenTheThirdComes_itShouldWaitUnderTheBatchRule() {
    ContactPolicy policy = ContactPolicies.forBatch("US", null, settings(2, null, null, null));
    List<PastContact> two = List.of(new PastContact(ContactChannel.CALL, US_TUESDAY, "no_answer"),
        new PastContact(ContactChannel.CALL, US_TUESDAY.plus(Duration.ofHours(1)), "no_answer"));
    GateDecision d = ContactGate.decide(policy, ContactChannel.CALL, US_TUESDAY.plus(Duration.ofHours(2)), CHICAGO,
        two);
    assertEquals(Verdict.WAIT, d.verdict());
    assertEquals("batch.calls-per-day", d.ruleId());
    assertEquals(US_TUESDAY.plus(Duration.ofDays(1)), d.notBefore());
  }

  @Test
  void givenAnOverrideOfTwoCallsAWeekInChile_itShouldAllowTheSecondAndHoldTheThirdUnderTheOverride() {
    ContactPolicy policy = ContactPolicies.forBatch("CL", null, settings(null, 2, null, "debtor asked to be called"));
    List<PastContact> one = List.of(new PastContact(ContactChannel.CALL, CL_TUESDAY, "no_answer"));
    assertEquals(Verdict.ALLOW, ContactGate.decide(policy, ContactChannel.CALL, CL_TUESDAY.plus(Duration.ofHours(2)),
        SANTIAGO, one).verdict());
    List<PastContact> two = List.of(one.get(0), new PastContact(ContactChannel.CALL,
        CL_TUESDAY.plus(Duration.ofHours(2)), "no_answer"));
    GateDecision third = ContactGate.decide(policy, ContactChannel.CALL, CL_TUESDAY.plus(Duration.ofHours(4)),
        SANTIAGO, two);
    assertEquals("override.calls-per-week", third.ruleId());
    assertEquals("2026-12-07+override", policy.version());
    assertTrue(policy.limits().stream().map(PolicyRule::id).noneMatch("cl.phone-once-a-week"::equals));
  }

  @Test
  void givenCustomWindows_itShouldGateWithTheBatchHoursAndTheConservativeDefaults() {
    ContactPolicy policy = ContactPolicies.forBatch("CUSTOM", List.of("MON-FRI 10:00-12:00"), null);
    assertEquals("CUSTOM", policy.jurisdiction());
    GateDecision early = ContactGate.decide(policy, ContactChannel.CALL, Instant.parse("2026-03-03T15:00:00Z"),
        CHICAGO, List.of()); // 09:00 in Chicago
    assertEquals(Verdict.WAIT, early.verdict());
    assertEquals("custom.hours", early.ruleId());
    List<PastContact> seven = new java.util.ArrayList<>();
    for (int i = 0; i < 7; i++) {
      seven.add(new PastContact(ContactChannel.CALL, US_TUESDAY.plus(Duration.ofMinutes(10 * i)), "no_answer"));
    }
    GateDecision eighth = ContactGate.decide(policy, ContactChannel.CALL, US_TUESDAY.plus(Duration.ofHours(1)),
        CHICAGO, seven);
    assertEquals("custom.seven-calls-a-week", eighth.ruleId());
    assertEquals(Verdict.ALLOW, ContactGate.decide(policy, ContactChannel.SMS, US_TUESDAY.plus(Duration.ofHours(1)),
        CHICAGO, seven).verdict());
    GateDecision afterTalk = ContactGate.decide(policy, ContactChannel.CALL, US_TUESDAY.plus(Duration.ofDays(2)),
        CHICAGO, List.of(new PastContact(ContactChannel.CALL, US_TUESDAY, "conversation")));
    assertEquals("custom.quiet-after-conversation", afterTalk.ruleId());
  }

  @Test
  void givenCustomWindows_whenTheBatchsOwnHoursWouldWiden_itShouldRefuseThem() {
    ContactPolicy custom = ContactPolicies.forBatch("CUSTOM", List.of("MON-FRI 10:00-12:00"), null);
    List<PolicyTightening.Loosening> found = PolicyTightening.loosenings(custom,
        settings(null, null, List.of("MON-FRI 09:00-12:00"), null), List.of("MON-FRI 10:00-12:00"));
    assertEquals(List.of("windows"), found.stream().map(PolicyTightening.Loosening::field).toList());
    assertEquals(List.of(), PolicyTightening.loosenings(custom, settings(null, null, List.of("MON 10:00-11:00"), null),
        List.of("MON-FRI 10:00-12:00")));
  }

  @Test
  void givenNoSettings_itShouldUseThePresetAsItIs() {
    assertEquals(ContactPolicies.of("CO").orElseThrow(), ContactPolicies.forBatch("co", null, null));
    assertEquals(ContactPolicies.of("US").orElseThrow(), ContactPolicies.forBatch(null, null, null));
    assertTrue(ContactPolicies.of("CUSTOM").isEmpty());
    assertEquals(5, ContactPolicies.all().size());
  }
}
