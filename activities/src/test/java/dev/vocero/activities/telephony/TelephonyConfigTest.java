package dev.vocero.activities.telephony;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class TelephonyConfigTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SECRET = "tok-0123456789-secret";

  @Test
  void givenOnlyCredentials_whenBinding_itShouldApplyTheDefaults() throws Exception {
    TwilioConfig config = JSON.readValue("{\"accountSid\":\"AC1\",\"authToken\":\"" + SECRET
        + "\",\"fromNumber\":\"+14155550199\"}", TwilioConfig.class);

    assertEquals(SECRET, config.getAuthToken());
    assertNull(config.getMachineDetection());
    assertFalse(config.isRecord());
    assertEquals(30, config.getRingTimeoutSeconds());
  }

  @Test
  void givenAToken_whenSerialisingOrDescribing_itShouldNeverAppear() throws Exception {
    TwilioConfig config = JSON.readValue("{\"accountSid\":\"AC1\",\"authToken\":\"" + SECRET
        + "\",\"machineDetection\":\"Enable\",\"record\":true,\"ringTimeoutSeconds\":20}", TwilioConfig.class);

    String json = JSON.writeValueAsString(config);
    assertFalse(json.contains(SECRET), json);
    assertTrue(json.contains("\"ringTimeoutSeconds\":20"), json);
    assertEquals("provider=twilio accountSid=AC1 fromNumber=null machineDetection=Enable record=true "
        + "ringTimeoutSeconds=20 authToken=set", config.describe());
  }

  @Test
  void givenARingTimeoutOutsideTwiliosRange_whenBinding_itShouldFail() {
    assertThrows(JsonMappingException.class,
        () -> JSON.readValue("{\"ringTimeoutSeconds\":2}", TwilioConfig.class));
  }

  @Test
  void givenRetellAndSandboxBlocks_whenBinding_itShouldApplyTheirDefaultsAndHideTheKey() throws Exception {
    RetellConfig retell = JSON.readValue("{\"apiKey\":\"" + SECRET + "\",\"baseUrl\":\"http://localhost:1/\"}",
        RetellConfig.class);
    SandboxConfig sandbox = JSON.readValue("{\"speed\":0.5}", SandboxConfig.class);

    assertEquals("http://localhost:1", retell.resolvedBaseUrl());
    assertFalse(JSON.writeValueAsString(retell).contains(SECRET));
    assertFalse(retell.describe().contains(SECRET));
    assertEquals(5, sandbox.getRingSeconds());
    assertEquals(0.5, sandbox.getSpeed());
    assertEquals(RetellConfig.DEFAULT_BASE_URL, new RetellConfig().resolvedBaseUrl());
  }
}
