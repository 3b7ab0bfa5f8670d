package dev.vocero.activities.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PublicAddressesTest {

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "10.1.2.3", "172.16.0.9", "172.31.255.255", "192.168.1.10", "169.254.169.254",
      "100.64.0.1", "100.127.255.254", "0.0.0.0", "0.1.2.3", "224.0.0.1", "192.0.0.8", "::1", "::", "fe80::1",
      "fd12:3456::1", "fc00::1", "::ffff:10.0.0.1", "::ffff:127.0.0.1", "ff02::1",
      // benchmarking, documentation, reserved, broadcast
      "198.18.0.1", "198.19.255.254", "192.0.2.1", "198.51.100.7", "203.0.113.9", "240.0.0.1", "255.255.255.255",
      // IPv6 forms that carry an IPv4 address, and special IPv6 ranges
      "64:ff9b::a9fe:a9fe", "64:ff9b::808:808", "64:ff9b:1::1", "2002:a9fe:a9fe::1", "2002:0a00:0001::1",
      "2001:0:4136:e378:8000:63bf:3fff:fdd2", "2001:db8::1", "100::1", "2001:10::1"})
  void givenAnAddressInsideANetworkOrReserved_itShouldNotBePublic(String address) throws UnknownHostException {
    assertFalse(PublicAddresses.isPublic(InetAddress.getByName(address)), address);
  }

  @ParameterizedTest
  @ValueSource(strings = {"8.8.8.8", "190.85.1.1", "172.32.0.1", "100.128.0.1", "2800:3f0:4001:80f::200e",
      "::ffff:8.8.4.4", "2002:0808:0808::1", "1.1.1.1"})
  void givenAPublicAddress_itShouldBePublic(String address) throws UnknownHostException {
    assertTrue(PublicAddresses.isPublic(InetAddress.getByName(address)), address);
  }

  @Test
  void givenANameWithOnePrivateAddressAmongPublicOnes_itShouldRefuseTheName() throws UnknownHostException {
    InetAddress[] answers = {InetAddress.getByName("8.8.8.8"), InetAddress.getByName("10.0.0.7")};
    PublicAddresses guard = new PublicAddresses(false, host -> answers);
    PublicAddresses.RefusedAddress refused = assertThrows(PublicAddresses.RefusedAddress.class,
        () -> guard.resolveChecked("hooks.example.com"));
    assertEquals(answers[1], refused.address());
    assertEquals(2, new PublicAddresses(true, host -> answers).resolveChecked("hooks.example.com").length,
        "allowed by configuration");
  }
}
