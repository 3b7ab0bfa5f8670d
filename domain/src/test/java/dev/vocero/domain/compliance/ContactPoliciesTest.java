package dev.vocero.domain.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ContactPoliciesTest {

  @Test
  void givenTheResourceFiles_whenLoaded_itShouldHaveOneValidPolicyPerJurisdictionWithCitedUniqueRules() {
    assertEquals(List.of("CL", "CO", "US", "MX", "ES"),
        ContactPolicies.all().stream().map(ContactPolicy::jurisdiction).toList());
    Set<String> ids = new HashSet<>();
    for (ContactPolicy policy : ContactPolicies.all()) {
      assertFalse(policy.version().isBlank());
      for (PolicyRule rule : policy.rules()) {
        assertTrue(rule.id().startsWith(policy.jurisdiction().toLowerCase() + "."), rule.id());
        assertFalse(rule.citation().isBlank(), rule.id());
        assertTrue(ids.add(rule.id()), "duplicate " + rule.id());
      }
    }
  }

  @Test
  void givenChile_itShouldLimitCallsToOneAWeekAndMessagesToTwoTwoDaysApartAndKeepTwoYears() {
    ContactPolicy cl = ContactPolicies.of("cl").orElseThrow();
    PolicyRule.Limit phone = cl.limits().get(0);
    assertEquals(Set.of(ContactChannel.CALL), phone.channels());
    assertEquals(1, phone.max());
    assertEquals(Duration.ofDays(7), phone.period());
    assertEquals(2, cl.limits().get(1).max());
    assertEquals(Duration.ofDays(2), cl.gaps().get(0).min());
    assertTrue(cl.retention().minimum().compareTo(Duration.ofDays(730)) >= 0);
    assertTrue(cl.counts(new PastContact(ContactChannel.CALL, java.time.Instant.EPOCH, "no_answer")));
    assertFalse(cl.counts(new PastContact(ContactChannel.CALL, java.time.Instant.EPOCH, "not_placed")));
  }

  @Test
  void givenTheWindowsOfThePolicies_itShouldMatchTheCallingWindowPresets() {
    java.time.Instant at = java.time.Instant.parse("2026-03-02T00:00:00Z");
    for (ContactPolicy policy : ContactPolicies.all()) {
      java.time.ZoneId zone = java.time.ZoneId.of("America/Bogota");
      CallingWindows preset = CallingWindows.preset(policy.jurisdiction());
      for (int hour = 0; hour < 24 * 21; hour++) {
        java.time.Instant t = at.plus(Duration.ofMinutes(30L * hour));
        assertEquals(preset.allows(t, zone), policy.windows().allows(t, zone), policy.jurisdiction() + " " + t);
      }
    }
  }

  @Test
  void givenAnInvalidFile_itShouldNameTheFileAndTheRule() {
    assertEquals("bad.yaml: rule id cl.a is used twice", invalid("""
        jurisdiction: CL
        version: "1"
        title: t
        windows: {id: cl.a, citation: c, rules: ["MON-FRI 09:00-18:00"]}
        limits: [{id: cl.a, citation: c, channels: [call], max: 1, period: P7D}]
        counting: {id: cl.b, citation: c, uncounted: []}
        retention: {id: cl.c, citation: c, minimum: P1D}
        """));
    assertEquals("bad.yaml: cl.l: unknown channel fax", invalid("""
        jurisdiction: CL
        version: "1"
        title: t
        windows: {id: cl.a, citation: c, rules: ["MON-FRI 09:00-18:00"]}
        limits: [{id: cl.l, citation: c, channels: [fax], max: 1, period: P7D}]
        counting: {id: cl.b, citation: c}
        retention: {id: cl.c, citation: c, minimum: P1D}
        """));
    assertEquals("bad.yaml: cl.l: citation is required", invalid("""
        jurisdiction: CL
        version: "1"
        title: t
        windows: {id: cl.a, citation: c, rules: ["MON-FRI 09:00-18:00"]}
        limits: [{id: cl.l, channels: [call], max: 1, period: P7D}]
        counting: {id: cl.b, citation: c}
        retention: {id: cl.c, citation: c, minimum: P1D}
        """));
    assertTrue(invalid("jurisdiction: CL\nunknown: 1\n").startsWith("bad.yaml: "));
  }

  private static String invalid(String yaml) {
    return assertThrows(InvalidPolicyException.class, () -> ContactPolicies.parse("bad.yaml",
        new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)))).getMessage();
  }
}
