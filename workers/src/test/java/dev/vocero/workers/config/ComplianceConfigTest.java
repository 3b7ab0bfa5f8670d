package dev.vocero.workers.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ComplianceConfigTest {
  final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

  @Test
  void givenChileBelowTwoYears_itShouldRefuseToStartNamingTheKey() throws Exception {
    ComplianceConfig config = yaml.readValue("retentionDays: {CL: 700, US: 1200}", ComplianceConfig.class);
    IllegalStateException e = assertThrows(IllegalStateException.class, config::retentionPeriods);
    assertTrue(e.getMessage().startsWith("Invalid configuration: compliance.retentionDays.CL is 700 days, below the"
        + " floor of 730 days"), e.getMessage());
  }

  @Test
  void givenNothing_itShouldKeepEachPolicysMinimumAndRunDaily() throws Exception {
    ComplianceConfig config = yaml.readValue("{}", ComplianceConfig.class);
    assertEquals(Duration.ofDays(730), config.retentionPeriods().get("CL"));
    assertEquals(Duration.ofDays(1), config.retentionEvery());
  }
}
