namespace MindPeeker.Grains.Outbound;

/// <summary>
/// The address blocks outbound requests never reach, after the IANA special-purpose registries (RFC 6890 and
/// successors). IPv6 forms that embed an IPv4 address (mapped, SIIT, NAT64, 6to4) are judged by the embedded
/// address in <see cref="OutboundAddressPolicy"/>; everything outside global unicast 2000::/3 is refused there too.
/// </summary>
internal static class BlockedAddressRanges
{
    public static readonly AddressRange IPv4Loopback = AddressRange.Parse("127.0.0.0/8", "a loopback address");

    public static readonly AddressRange IPv6Loopback = AddressRange.Parse("::1/128", "a loopback address");

    public static readonly IReadOnlyList<AddressRange> IPv4 =
    [
        AddressRange.Parse("0.0.0.0/8", "a 'this network' address"),
        AddressRange.Parse("10.0.0.0/8", "a private address"),
        AddressRange.Parse("100.64.0.0/10", "a carrier-grade NAT (shared) address"),
        IPv4Loopback,
        AddressRange.Parse("169.254.0.0/16", "a link-local address (cloud metadata services live here)"),
        AddressRange.Parse("172.16.0.0/12", "a private address"),
        AddressRange.Parse("192.0.0.0/24", "an IETF protocol assignment address"),
        AddressRange.Parse("192.0.2.0/24", "a documentation address"),
        AddressRange.Parse("192.88.99.0/24", "a deprecated 6to4 relay anycast address"),
        AddressRange.Parse("192.168.0.0/16", "a private address"),
        AddressRange.Parse("198.18.0.0/15", "a benchmarking address"),
        AddressRange.Parse("198.51.100.0/24", "a documentation address"),
        AddressRange.Parse("203.0.113.0/24", "a documentation address"),
        AddressRange.Parse("224.0.0.0/4", "a multicast address"),
        AddressRange.Parse("255.255.255.255/32", "the broadcast address"),
        AddressRange.Parse("240.0.0.0/4", "a reserved address"),
    ];

    public static readonly IReadOnlyList<AddressRange> IPv6 =
    [
        AddressRange.Parse("::/128", "the unspecified address"),
        IPv6Loopback,
        AddressRange.Parse("::/96", "a deprecated IPv4-compatible address"),
        AddressRange.Parse("64:ff9b:1::/48", "a local-use NAT64 address"),
        AddressRange.Parse("100::/64", "a discard-only address"),
        AddressRange.Parse("2001::/23", "an IETF protocol assignment address (Teredo, benchmarking, ORCHID)"),
        AddressRange.Parse("2001:db8::/32", "a documentation address"),
        AddressRange.Parse("3fff::/20", "a documentation address"),
        AddressRange.Parse("fc00::/7", "a unique local (private) address"),
        AddressRange.Parse("fe80::/10", "a link-local address"),
        AddressRange.Parse("fec0::/10", "a deprecated site-local address"),
        AddressRange.Parse("ff00::/8", "a multicast address"),
    ];

    /// <summary>IPv6 global unicast; anything outside it (and not an embedded-IPv4 form) is reserved.</summary>
    public static readonly AddressRange IPv6GlobalUnicast = AddressRange.Parse("2000::/3", "a global unicast address");

    /// <summary>IPv6 blocks whose last 32 bits are an IPv4 address: IPv4-mapped, SIIT IPv4-translated, NAT64 well-known prefix.</summary>
    public static readonly IReadOnlyList<AddressRange> IPv4InLastBits =
    [
        AddressRange.Parse("::ffff:0:0/96", "an IPv4-mapped address"),
        AddressRange.Parse("::ffff:0:0:0/96", "an IPv4-translated (SIIT) address"),
        AddressRange.Parse("64:ff9b::/96", "a NAT64 address"),
    ];

    /// <summary>6to4: the IPv4 address is in bits 16–47.</summary>
    public static readonly AddressRange SixToFour = AddressRange.Parse("2002::/16", "a 6to4 address");
}
