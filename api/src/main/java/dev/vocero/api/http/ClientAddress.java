package dev.vocero.api.http;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.jetty.util.InetAddressSet;

/**
 * The address a request came from. {@code X-Forwarded-For} is believed only when the connection comes from a
 * configured trusted proxy (a load balancer); then the client is the right-most address that is not one of those
 * proxies, since anything to its left was written by the client itself.
 */
public final class ClientAddress {
  private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");
  private final InetAddressSet trustedProxies = new InetAddressSet();

  /** @param trustedProxies addresses, CIDR blocks ({@code 10.0.0.0/8}) or ranges, as Jetty's InetAddressSet reads them */
  public ClientAddress(List<String> trustedProxies) {
    trustedProxies.stream().map(String::trim).filter(s -> !s.isEmpty()).forEach(this.trustedProxies::add);
  }

  public String of(HttpServletRequest request) {
    return resolve(request.getRemoteAddr(), request.getHeaders("X-Forwarded-For") == null ? List.of()
        : java.util.Collections.list(request.getHeaders("X-Forwarded-For")));
  }

  /** {@code forwardedFor}: every X-Forwarded-For header in order (each may list several addresses). */
  String resolve(String remote, List<String> forwardedFor) {
    if (!trusted(remote) || forwardedFor.isEmpty()) {
      return remote;
    }
    String[] hops = String.join(",", forwardedFor).split(",");
    String client = remote;
    for (int i = hops.length - 1; i >= 0; i--) {
      String hop = hops[i].trim();
      if (!IP_LITERAL.matcher(hop).matches()) {
        return client; // not an address: whatever is further left is the client's own invention
      }
      client = hop;
      if (!trusted(hop)) {
        return hop;
      }
    }
    return client;
  }

  private boolean trusted(String address) {
    return literal(address).map(trustedProxies::test).orElse(false);
  }

  private static Optional<InetAddress> literal(String address) {
    if (address == null || !IP_LITERAL.matcher(address).matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(InetAddress.getByName(address)); // a literal: no DNS lookup
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }
}
