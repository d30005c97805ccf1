package arabrief.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Set;

/**
 * Which addresses a fetch may connect to. The command line fetches anything (the user's own machine included);
 * a server that fetches URLs for its callers must not be turned against the network it sits in (SSRF), so it
 * refuses loopback, private, link-local, multicast and unspecified space, checked on the addresses a host name
 * resolves to (the ones the connection then uses) and again on every redirect.
 */
public final class AddressPolicy {
  /** Every address. */
  public static final AddressPolicy ANY = new AddressPolicy(false, Set.of());
  /** Public unicast addresses only. */
  public static final AddressPolicy PUBLIC_ONLY = new AddressPolicy(true, Set.of());

  private final boolean publicOnly;
  private final Set<InetAddress> alsoAllowed;

  private AddressPolicy(boolean publicOnly, Set<InetAddress> alsoAllowed) {
    this.publicOnly = publicOnly;
    this.alsoAllowed = alsoAllowed;
  }

  /**
   * This policy, with {@code addresses} treated as public: tests serve a "public" site from a second loopback
   * address while the real loopback stays refused.
   */
  public AddressPolicy allowing(InetAddress... addresses) {
    return new AddressPolicy(publicOnly, Set.of(addresses));
  }

  public boolean restricts() {
    return publicOnly;
  }

  /** Why {@code a} may not be contacted ("a loopback address"), or null when it may. */
  public String refusal(InetAddress a) {
    if (!publicOnly || alsoAllowed.contains(a)) {
      return null;
    }
    InetAddress v4 = embeddedIpv4(a);
    if (v4 != null && v4 != a) {
      String inner = refusal(v4);
      return inner == null ? null : inner + " inside an IPv6 address";
    }
    if (a.isAnyLocalAddress()) {
      return "an unspecified address";
    }
    if (a.isLoopbackAddress()) {
      return "a loopback address";
    }
    if (a.isLinkLocalAddress()) {
      return "a link-local address";
    }
    if (a.isMulticastAddress()) {
      return "a multicast address";
    }
    if (a.isSiteLocalAddress()) {
      return "a private address";
    }
    byte[] b = a.getAddress();
    if (a instanceof Inet4Address) {
      int o0 = b[0] & 0xFF;
      int o1 = b[1] & 0xFF;
      if (o0 == 0) {
        return "an unspecified address"; // 0.0.0.0/8, "this network"
      }
      if (o0 == 100 && (o1 & 0xC0) == 64) {
        return "a private address"; // 100.64.0.0/10, carrier-grade NAT
      }
      if (o0 == 198 && (o1 & 0xFE) == 18) {
        return "a private address"; // 198.18.0.0/15, benchmarking networks
      }
      if (o0 >= 240) {
        return "a reserved address"; // 240.0.0.0/4 and the broadcast address
      }
    } else if ((b[0] & 0xFE) == 0xFC) {
      return "a private address"; // fc00::/7, unique local
    }
    return null;
  }

  /**
   * The IPv4 address inside an IPv4-compatible (::a.b.c.d), NAT64 (64:ff9b::/96) or 6to4 (2002::/16) IPv6
   * address, which reach that IPv4 host; {@code a} itself when it is IPv4; null otherwise. (Java already turns
   * IPv4-mapped ::ffff:a.b.c.d into an IPv4 address.)
   */
  private static InetAddress embeddedIpv4(InetAddress a) {
    if (a instanceof Inet4Address) {
      return a;
    }
    if (!(a instanceof Inet6Address)) {
      return null;
    }
    byte[] b = a.getAddress();
    try {
      boolean zeros = true;
      for (int i = 0; i < 12; i++) {
        zeros &= b[i] == 0;
      }
      if (zeros && !(b[12] == 0 && b[13] == 0 && b[14] == 0)) {
        return InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
      }
      boolean nat64 = b[0] == 0 && b[1] == 0x64 && (b[2] & 0xFF) == 0xFF && (b[3] & 0xFF) == 0x9B;
      for (int i = 4; i < 12 && nat64; i++) {
        nat64 = b[i] == 0;
      }
      if (nat64) {
        return InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
      }
      if (b[0] == 0x20 && b[1] == 0x02) {
        return InetAddress.getByAddress(new byte[] {b[2], b[3], b[4], b[5]});
      }
    } catch (java.net.UnknownHostException e) {
      throw new IllegalStateException(e); // four bytes are always an address
    }
    return null;
  }
}
