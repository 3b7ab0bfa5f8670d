package dev.vocero.activities.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ReceiverAddressesTest {

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "10.1.2.3", "172.16.0.9", "172.31.255.255", "192.168.1.10", "169.254.169.254",
      "100.64.0.1", "100.127.255.254", "0.0.0.0", "0.1.2.3", "224.0.0.1", "192.0.0.8", "::1", "::", "fe80::1",
      "fd12:3456::1", "fc00::1", "::ffff:10.0.0.1", "::ffff:127.0.0.1", "ff02::1"})
  void givenAnAddressInsideANetwork_itShouldNotBePublic(String address) throws UnknownHostException {
    assertFalse(ReceiverAddresses.isPublic(InetAddress.getByName(address)), address);
  }

  @ParameterizedTest
  @ValueSource(strings = {"8.8.8.8", "190.85.1.1", "172.32.0.1", "100.128.0.1", "2800:3f0:4001:80f::200e",
      "::ffff:8.8.4.4", "192.0.2.1"})
  void givenAPublicAddress_itShouldBePublic(String address) throws UnknownHostException {
    assertTrue(ReceiverAddresses.isPublic(InetAddress.getByName(address)), address);
  }

  @Test
  void givenANameWithOnePrivateAddressAmongPublicOnes_itShouldReportThePrivateOne() throws UnknownHostException {
    InetAddress[] answers = {InetAddress.getByName("8.8.8.8"), InetAddress.getByName("10.0.0.7")};
    ReceiverAddresses guard = new ReceiverAddresses(false, host -> answers);
    assertEquals(Optional.of(answers[1]), guard.nonPublic("hooks.example.com"));
    assertEquals(Optional.empty(), new ReceiverAddresses(true, host -> answers).nonPublic("hooks.example.com"),
        "allowed by configuration");
  }
}
