package dev.vocero.domain.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetentionPeriodsTest {

  @Test
  void givenNoConfiguration_itShouldKeepEachHistoryForItsPolicysMinimum() {
    Map<String, Duration> periods = RetentionPeriods.of(Map.of());
    assertEquals(Duration.ofDays(730), periods.get("CL"));
    assertEquals(Duration.ofDays(1095), periods.get("US"));
    assertEquals(Duration.ofDays(365), periods.get("CUSTOM"));
    assertEquals(6, periods.size());
  }

  @Test
  void givenChileConfiguredBelowTwoYears_itShouldRefuseNamingTheKeyAndTheLaw() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RetentionPeriods.of(Map.of("CL", 365)));
    assertTrue(e.getMessage().contains("compliance.retentionDays.CL is 365 days, below the floor of 730 days"),
        e.getMessage());
    assertTrue(e.getMessage().contains("cl.record-two-years"), e.getMessage());
  }

  @Test
  void givenLongerPeriodsOrAnUnknownCode_itShouldKeepTheLongerAndRefuseTheUnknown() {
    assertEquals(Duration.ofDays(1000), RetentionPeriods.of(Map.of("cl", 1000)).get("CL"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RetentionPeriods.of(Map.of("PE", 400)));
    assertTrue(e.getMessage().contains("compliance.retentionDays.PE: unknown jurisdiction"), e.getMessage());
  }
}
