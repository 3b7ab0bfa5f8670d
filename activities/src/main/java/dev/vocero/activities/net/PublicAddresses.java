package dev.vocero.activities.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Which addresses Vocero may connect to for a user-chosen URL (server-side request forgery): only public unicast
 * ones. Refused: loopback, private, link-local (cloud metadata at 169.254.169.254), carrier-grade NAT, "this network",
 * protocol assignments, documentation (TEST-NET, 2001:db8::/32), benchmarking (198.18.0.0/15), reserved
 * (240.0.0.0/4, broadcast), multicast, unique-local IPv6, everything outside IPv6's global unicast 2000::/3, and the
 * IPv6 forms that carry an IPv4 address (mapped, compatible, NAT64 64:ff9b::/96 and 64:ff9b:1::/48, 6to4 2002::/16,
 * Teredo 2001::/32) unless the IPv4 address inside is public. Private networks may be allowed by configuration.
 */
public final class PublicAddresses {
  /** Resolves a host name to its addresses (the system resolver, or a fixed answer in tests). */
  @FunctionalInterface
  public interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  private final boolean allowPrivate;
  private final Resolver resolver;

  public PublicAddresses(boolean allowPrivate) {
    this(allowPrivate, InetAddress::getAllByName);
  }

  public PublicAddresses(boolean allowPrivate, Resolver resolver) {
    this.allowPrivate = allowPrivate;
    this.resolver = resolver;
  }

  /** Resolves the host once; every address it gives must be public (unless privates are allowed). */
  public InetAddress[] resolveChecked(String host) throws UnknownHostException {
    InetAddress[] addresses = resolver.resolve(host);
    for (InetAddress address : addresses) {
      if (!allowPrivate && !isPublic(address)) {
        throw new RefusedAddress(host, address);
      }
    }
    return addresses;
  }

  /** A host that resolves inside a private or reserved network. */
  public static final class RefusedAddress extends UnknownHostException {
    private final transient InetAddress address;

    RefusedAddress(String host, InetAddress address) {
      super(host + " resolves to " + address.getHostAddress() + ", an address inside a private network or a reserved range");
      this.address = address;
    }

    public InetAddress address() {
      return address;
    }
  }

  public static boolean isPublic(InetAddress address) {
    if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
        || address.isAnyLocalAddress() || address.isMulticastAddress()) {
      return false;
    }
    byte[] b = address.getAddress();
    return address instanceof Inet4Address ? isPublicIpv4(b) : address instanceof Inet6Address && isPublicIpv6(b);
  }

  private static boolean isPublicIpv4(byte[] b) {
    int first = b[0] & 0xff;
    int second = b[1] & 0xff;
    int third = b[2] & 0xff;
    return first != 0 && first != 10 && first != 127 && first < 224              // this network, private, loopback, class D/E
        && !(first == 100 && second >= 64 && second <= 127)                       // CGNAT 100.64.0.0/10
        && !(first == 169 && second == 254) && !(first == 172 && second >= 16 && second <= 31)
        && !(first == 192 && second == 168)
        && !(first == 192 && second == 0 && (third == 0 || third == 2))           // protocol assignments, TEST-NET-1
        && !(first == 192 && second == 88 && third == 99)                         // 6to4 relay anycast
        && !(first == 198 && (second == 18 || second == 19))                      // benchmarking 198.18.0.0/15
        && !(first == 198 && second == 51 && third == 100)                        // TEST-NET-2
        && !(first == 203 && second == 0 && third == 113);                        // TEST-NET-3
  }

  private static boolean isPublicIpv6(byte[] b) {
    int w0 = ((b[0] & 0xff) << 8) | (b[1] & 0xff);
    int w1 = ((b[2] & 0xff) << 8) | (b[3] & 0xff);
    if (zeros(b, 0, 10) && ((b[10] == (byte) 0xff && b[11] == (byte) 0xff) || (b[10] == 0 && b[11] == 0))) {
      return isPublicIpv4(new byte[] {b[12], b[13], b[14], b[15]}); // ::ffff:a.b.c.d and ::a.b.c.d
    }
    if (w0 == 0x64 && w1 == 0xff9b) {
      return false; // NAT64 64:ff9b::/96 and the local-use 64:ff9b:1::/48: they reach IPv4 hosts we cannot see
    }
    if ((w0 & 0xe000) != 0x2000) {
      return false; // outside global unicast 2000::/3 (unique local, discard 100::/64, reserved...)
    }
    if (w0 == 0x2002) {
      return isPublicIpv4(new byte[] {b[2], b[3], b[4], b[5]}); // 6to4 carries an IPv4 address
    }
    return !(w0 == 0x2001 && (w1 < 0x200 || w1 == 0xdb8)); // Teredo, ORCHID and protocol assignments; documentation
  }

  private static boolean zeros(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return true;
  }
}
