package dev.vocero.domain.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vocero.domain.compliance.GateDecision.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A campaign's contactPolicy applied before its batch's: the campaign's rules hold, the batch may only add to them. */
class CampaignPolicyTest {
  static final ZoneId SANTIAGO = ZoneId.of("America/Santiago");
  // Tuesday 2026-03-03, 10:00 in Santiago
  static final Instant CL_TUESDAY = Instant.parse("2026-03-03T13:00:00Z");

  static PolicySettings messages(Integer perWeek, Integer hoursBetween, String override) {
    return new PolicySettings(null, null, null, perWeek, null, hoursBetween, null,
        override == null ? null : new PolicySettings.Override(override));
  }

  @Test
  void givenACampaignAndABatchPolicy_itShouldApplyBothWithTheirOwnRuleIdsAndVersion() {
    ContactPolicy policy = ContactPolicies.forBatch("CL", List.of(), messages(1, null, null), messages(null, 96, null));

    assertEquals("2026-12-07+campaign+batch", policy.version());
    assertTrue(policy.limits().stream().anyMatch(l -> l.id().equals("campaign.messages-per-week")), policy.limits()
        .toString());
    assertTrue(policy.gaps().stream().anyMatch(g -> g.id().equals("batch.hours-between-messages")));
    assertTrue(policy.limits().stream().anyMatch(l -> l.id().startsWith("cl.")), "Chile's own rules stay");
  }

  @Test
  void givenOneSmsThreeDaysAgo_whenTheCampaignAllowsOneMessageAWeek_theGateShouldWaitUnderTheCampaignRule() {
    List<PastContact> history = List.of(new PastContact(ContactChannel.SMS, CL_TUESDAY.minus(Duration.ofDays(3)),
        "sent"));
    GateDecision chile = ContactGate.decide(ContactPolicies.forBatch("CL", List.of(), null, null), ContactChannel.SMS,
        CL_TUESDAY, SANTIAGO, history);
    GateDecision campaign = ContactGate.decide(ContactPolicies.forBatch("CL", List.of(), messages(1, null, null), null),
        ContactChannel.WHATSAPP, CL_TUESDAY, SANTIAGO, history);

    assertEquals(Verdict.ALLOW, chile.verdict(), "Chile allows a second message two days apart: " + chile);
    assertEquals(Verdict.WAIT, campaign.verdict(), campaign.toString());
    assertEquals("campaign.messages-per-week", campaign.ruleId());
  }

  @Test
  void givenABatchThatWouldLoosenItsCampaign_itShouldBeNamedEvenWithAnOverride() {
    ContactPolicy campaign = ContactPolicies.forBatch("CL", List.of(), messages(1, null, null), null);

    List<PolicyTightening.Loosening> found = PolicyTightening.loosenings(campaign,
        messages(2, null, "the batch's admin asked"), ContactPolicies.windowRules("CL"));

    assertEquals(1, found.size(), found.toString());
    assertEquals("messagesPerWeek", found.get(0).field());
    assertTrue(found.get(0).message().contains("campaign.messages-per-week"), found.get(0).message());
  }

  @Test
  void givenACampaignOverride_itShouldReplaceChilesRuleOfTheSameKindWithItsOwn() {
    ContactPolicy policy = ContactPolicies.forBatch("CL", List.of(),
        new PolicySettings(null, 2, null, null, null, null, null, new PolicySettings.Override("convenio de pago")),
        null);

    assertEquals("2026-12-07+campaign-override", policy.version());
    assertTrue(policy.limits().stream().noneMatch(l -> l.id().equals("cl.phone-once-a-week")), policy.limits()
        .toString());
    PolicyRule.Limit own = policy.limits().stream().filter(l -> l.id().equals("campaign-override.calls-per-week"))
        .findFirst().orElseThrow();
    assertTrue(own.citation().contains("convenio de pago"), own.citation());
  }
}
