package dev.vocero.domain.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vocero.domain.compliance.GateDecision.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContactGateTest {
  static final ZoneId SANTIAGO = ZoneId.of("America/Santiago");
  static final ZoneId BOGOTA = ZoneId.of("America/Bogota");
  static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

  // Tuesday 2026-03-03, 10:00 in Santiago (UTC-3 in summer time)
  static final Instant CL_TUESDAY = Instant.parse("2026-03-03T13:00:00Z");
  // Tuesday 2026-03-03, 10:00 in Bogota (UTC-5)
  static final Instant CO_TUESDAY = Instant.parse("2026-03-03T15:00:00Z");

  @Test
  void givenAChileanDebtorCalledOnOneNumberThisWeek_whenAnotherOfHisNumbersIsCalled_itShouldWaitAWeek() {
    List<PastContact> history = List.of(new PastContact(ContactChannel.CALL, CL_TUESDAY, "no_answer"));
    GateDecision d = decide("CL", ContactChannel.CALL, CL_TUESDAY.plus(Duration.ofHours(2)), SANTIAGO, history);
    assertEquals(Verdict.WAIT, d.verdict());
    assertEquals("cl.phone-once-a-week", d.ruleId());
    assertEquals(CL_TUESDAY.plus(Duration.ofDays(7)), d.notBefore());
  }

  @Test
  void givenAChileanDebtorWhoseCallNeverLeftVocero_itShouldAllowTheNextCall() {
    List<PastContact> history = List.of(new PastContact(ContactChannel.CALL, CL_TUESDAY, "not_placed"));
    assertEquals(Verdict.ALLOW, decide("CL", ContactChannel.CALL, CL_TUESDAY.plusSeconds(60), SANTIAGO, history)
        .verdict());
  }

  @Test
  void givenChileanMessages_itShouldKeepThemTwoDaysApartAndTwoAWeek() {
    List<PastContact> history = new ArrayList<>(List.of(new PastContact(ContactChannel.SMS, CL_TUESDAY, "sent")));
    GateDecision tooSoon = decide("CL", ContactChannel.WHATSAPP, CL_TUESDAY.plus(Duration.ofDays(1)), SANTIAGO, history);
    assertEquals("cl.other-two-days-apart", tooSoon.ruleId());
    assertEquals(CL_TUESDAY.plus(Duration.ofDays(2)), tooSoon.notBefore());
    history.add(new PastContact(ContactChannel.SMS, CL_TUESDAY.plus(Duration.ofDays(2)), "sent"));
    GateDecision third = decide("CL", ContactChannel.SMS, CL_TUESDAY.plus(Duration.ofDays(4)), SANTIAGO, history);
    assertEquals("cl.other-twice-a-week", third.ruleId());
    assertEquals(CL_TUESDAY.plus(Duration.ofDays(7)), third.notBefore());
    assertEquals(Verdict.ALLOW, decide("CL", ContactChannel.CALL, CL_TUESDAY.plus(Duration.ofDays(4)), SANTIAGO,
        history).verdict());
  }

  @Test
  void givenAWaitThatEndsOutsideTheWindow_itShouldWaitUntilTheWindowOpensAfterIt() {
    // Called Saturday 19:30 in Santiago: a week later is Saturday 19:30, inside; called Saturday 19:59 + 7 days is
    // inside too; called at 13:00 UTC on a Saturday before a Sunday -> the wait ends on the Saturday, fine. Use a
    // limit that ends on a Sunday instead: message gap of two days from Friday 12:00 ends Sunday 12:00 -> Monday 08:00.
    Instant friday = Instant.parse("2026-03-06T15:00:00Z");
    List<PastContact> history = List.of(new PastContact(ContactChannel.SMS, friday, "sent"));
    GateDecision d = decide("CL", ContactChannel.SMS, friday.plusSeconds(3600), SANTIAGO, history);
    assertEquals(Verdict.WAIT, d.verdict());
    assertEquals("cl.other-two-days-apart", d.ruleId());
    assertEquals(Instant.parse("2026-03-09T11:00:00Z"), d.notBefore()); // Monday 08:00 in Santiago
  }

  @Test
  void givenAColombianPersonCalledThisWeek_whenAWaveTextsHim_itShouldWaitUntilTheWeekIsOver() {
    List<PastContact> history = List.of(new PastContact(ContactChannel.CALL, CO_TUESDAY, "no_answer"));
    GateDecision nextDay = decide("CO", ContactChannel.SMS, CO_TUESDAY.plus(Duration.ofDays(2)), BOGOTA, history);
    assertEquals(Verdict.WAIT, nextDay.verdict());
    assertEquals("co.one-channel-a-week", nextDay.ruleId());
    assertEquals(CO_TUESDAY.plus(Duration.ofDays(7)), nextDay.notBefore());
    GateDecision sameDay = decide("CO", ContactChannel.CALL, CO_TUESDAY.plus(Duration.ofHours(3)), BOGOTA, history);
    assertEquals("co.once-a-day", sameDay.ruleId());
    assertEquals(CO_TUESDAY.plus(Duration.ofDays(1)), sameDay.notBefore());
    // A text the same day: the once-a-day rule is met first, but the week rule is what holds it back a week, and the
    // stored reason must say so.
    GateDecision textSameDay = decide("CO", ContactChannel.SMS, CO_TUESDAY.plus(Duration.ofHours(3)), BOGOTA, history);
    assertEquals(Verdict.WAIT, textSameDay.verdict());
    assertEquals(CO_TUESDAY.plus(Duration.ofDays(7)), textSameDay.notBefore());
    assertEquals("co.one-channel-a-week", textSameDay.ruleId());
  }

  @Test
  void givenAnAmericanConversation_itShouldHoldCallsSevenDaysButCountSevenAttemptsOtherwise() {
    Instant monday = Instant.parse("2026-03-02T15:00:00Z");
    List<PastContact> talk = List.of(new PastContact(ContactChannel.CALL, monday, PastContact.CONVERSATION));
    GateDecision held = decide("US", ContactChannel.CALL, monday.plus(Duration.ofDays(3)), CHICAGO, talk);
    assertEquals("us.reg-f-after-conversation", held.ruleId());
    assertEquals(monday.plus(Duration.ofDays(7)), held.notBefore());
    List<PastContact> attempts = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      attempts.add(new PastContact(ContactChannel.CALL, monday.plus(Duration.ofHours(i)), "no_answer"));
    }
    GateDecision eighth = decide("US", ContactChannel.CALL, monday.plus(Duration.ofDays(1)), CHICAGO, attempts);
    assertEquals("us.reg-f-seven-in-seven", eighth.ruleId());
    assertEquals(monday.plus(Duration.ofDays(7)), eighth.notBefore());
    assertEquals(Verdict.ALLOW, decide("US", ContactChannel.SMS, monday.plus(Duration.ofDays(1)), CHICAGO, attempts)
        .verdict());
  }

  @Test
  void givenNoHistoryInsideTheWindow_itShouldAllowNamingTheWindowRule() {
    GateDecision d = decide("ES", ContactChannel.CALL, Instant.parse("2026-03-03T10:00:00Z"), ZoneId.of("Europe/Madrid"),
        List.of());
    assertEquals(GateDecision.allow("es.hours"), d);
  }

  private static GateDecision decide(String cc, ContactChannel channel, Instant now, ZoneId zone,
      List<PastContact> history) {
    return ContactGate.decide(ContactPolicies.of(cc).orElseThrow(), channel, now, zone, history);
  }
}
