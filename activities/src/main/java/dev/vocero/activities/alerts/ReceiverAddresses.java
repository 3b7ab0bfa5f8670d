package dev.vocero.activities.alerts;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Keeps signed webhook deliveries out of the network Vocero runs in (server-side request forgery): a receiver whose
 * name resolves to a loopback, private, link-local (cloud metadata at 169.254.169.254), carrier-grade NAT, unique-local
 * IPv6, multicast or unspecified address is refused unless private networks are allowed by configuration. Checked
 * right before each delivery, so a name that later resolves inside the network is caught too.
 */
public final class ReceiverAddresses {
  /** Resolves a host name to its addresses (the system resolver, or a fixed answer in tests). */
  @FunctionalInterface
  public interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  private final boolean allowPrivate;
  private final Resolver resolver;

  public ReceiverAddresses(boolean allowPrivate) {
    this(allowPrivate, InetAddress::getAllByName);
  }

  ReceiverAddresses(boolean allowPrivate, Resolver resolver) {
    this.allowPrivate = allowPrivate;
    this.resolver = resolver;
  }

  /** The first non-public address the host resolves to; empty when every address is public or privates are allowed. */
  public Optional<InetAddress> nonPublic(String host) throws UnknownHostException {
    if (allowPrivate) {
      return Optional.empty();
    }
    for (InetAddress address : resolver.resolve(host)) {
      if (!isPublic(address)) {
        return Optional.of(address);
      }
    }
    return Optional.empty();
  }

  static boolean isPublic(InetAddress address) {
    if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
        || address.isAnyLocalAddress() || address.isMulticastAddress()) {
      return false;
    }
    byte[] b = address.getAddress();
    if (address instanceof Inet4Address) {
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      return first != 0 && !(first == 100 && second >= 64 && second <= 127) // 0.0.0.0/8, CGNAT 100.64.0.0/10
          && !(first == 192 && second == 0 && (b[2] & 0xff) == 0);           // 192.0.0.0/24 protocol assignments
    }
    if (address instanceof Inet6Address) {
      if ((b[0] & 0xfe) == 0xfc) {
        return false; // unique local fc00::/7
      }
      if (isMappedOrCompatibleIpv4(b)) {
        try {
          return isPublic(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
        } catch (UnknownHostException e) {
          return false;
        }
      }
    }
    return true;
  }

  /** ::ffff:a.b.c.d (mapped) and ::a.b.c.d (compatible). */
  private static boolean isMappedOrCompatibleIpv4(byte[] b) {
    for (int i = 0; i < 10; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return (b[10] == (byte) 0xff && b[11] == (byte) 0xff) || (b[10] == 0 && b[11] == 0);
  }
}
