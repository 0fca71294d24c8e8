using System.Net;
using MindPeeker.Grains.Outbound;

namespace MindPeeker.Grains.Tests.Outbound;

public sealed class OutboundAddressPolicyTests
{
    private readonly OutboundAddressPolicy _policy = new(allowLoopbackTargets: false);
    private readonly OutboundAddressPolicy _development = new(allowLoopbackTargets: true);

    public static TheoryData<string, string> Blocked => new()
    {
        { "127.0.0.1", "loopback" },
        { "127.255.255.254", "loopback" },
        { "0.0.0.0", "'this network'" },
        { "0.1.2.3", "'this network'" },
        { "10.0.0.1", "private" },
        { "10.255.255.255", "private" },
        { "172.16.0.1", "private" },
        { "172.31.255.255", "private" },
        { "192.168.1.1", "private" },
        { "169.254.169.254", "link-local" },
        { "169.254.0.1", "link-local" },
        { "100.64.0.1", "carrier-grade NAT" },
        { "100.127.255.255", "carrier-grade NAT" },
        { "224.0.0.1", "multicast" },
        { "239.255.255.250", "multicast" },
        { "240.0.0.1", "reserved" },
        { "255.255.255.255", "broadcast" },
        { "192.0.0.8", "IETF protocol assignment" },
        { "192.0.2.10", "documentation" },
        { "198.51.100.7", "documentation" },
        { "203.0.113.99", "documentation" },
        { "198.18.0.1", "benchmarking" },
        { "198.19.255.255", "benchmarking" },
        { "192.88.99.1", "6to4 relay" },
        { "::1", "loopback" },
        { "::", "unspecified" },
        { "::ffff:127.0.0.1", "IPv4-mapped address (::ffff:0:0/96) embedding 127.0.0.1, a loopback" },
        { "::ffff:10.1.2.3", "embedding 10.1.2.3, a private" },
        { "::ffff:169.254.169.254", "link-local" },
        { "::ffff:0:192.168.0.1", "IPv4-translated" },
        { "::127.0.0.1", "IPv4-compatible" },
        { "::8.8.8.8", "IPv4-compatible" },
        { "64:ff9b::7f00:1", "NAT64 address (64:ff9b::/96) embedding 127.0.0.1" },
        { "64:ff9b::a9fe:a9fe", "embedding 169.254.169.254" },
        { "64:ff9b:1::1", "local-use NAT64" },
        { "2002:7f00:1::1", "6to4 address (2002::/16) embedding 127.0.0.1" },
        { "2002:c0a8:101::1", "embedding 192.168.1.1" },
        { "fc00::1", "unique local" },
        { "fd12:3456:789a::1", "unique local" },
        { "fe80::1", "link-local" },
        { "fe80::1%2", "link-local" },
        { "febf::1", "link-local" },
        { "fec0::1", "site-local" },
        { "ff02::1", "multicast" },
        { "ff05::2", "multicast" },
        { "2001:db8::1", "documentation" },
        { "2001:db8:ffff::1", "documentation" },
        { "3fff::1", "documentation" },
        { "2001:0:4136:e378::1", "Teredo" },
        { "2001:2::1", "benchmarking" },
        { "100::1", "discard-only" },
        { "4000::1", "reserved" },
        { "1::1", "reserved" },
    };

    public static TheoryData<string> Allowed => new()
    {
        "93.184.216.34",
        "8.8.8.8",
        "1.1.1.1",
        "100.63.255.255",
        "100.128.0.0",
        "172.15.255.255",
        "172.32.0.0",
        "169.253.255.255",
        "192.0.1.255",
        "198.17.255.255",
        "198.20.0.0",
        "223.255.255.255",
        "2606:2800:220:1::",
        "2606:2800:220:1:248:1893:25c8:1946",
        "2001:4860:4860::8888",
        "2a00:1450:4001:82b::200e",
        "::ffff:93.184.216.34",
        "64:ff9b::5db8:d822",
        "2002:5db8:d822::1",
    };

    [Theory]
    [MemberData(nameof(Blocked))]
    public void IsAllowed_BlockedAddress_IsRefusedWithAReason(string address, string reasonFragment)
    {
        _policy.IsAllowed(IPAddress.Parse(address), out var reason).Should().BeFalse();

        reason.Should().Contain(reasonFragment).And.EndWith(".");
    }

    [Theory]
    [MemberData(nameof(Allowed))]
    public void IsAllowed_PublicAddress_IsAllowed(string address)
    {
        _policy.IsAllowed(IPAddress.Parse(address), out var reason).Should().BeTrue(reason);

        reason.Should().BeNull();
    }

    [Fact]
    public void IsAllowed_CloudMetadataAddress_NamesTheRangeInTheReason()
    {
        _policy.IsAllowed(IPAddress.Parse("169.254.169.254"), out var reason);

        reason.Should().Be("169.254.169.254 is a link-local address (cloud metadata services live here) (169.254.0.0/16).");
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.1.2.3")]
    [InlineData("::1")]
    [InlineData("::ffff:127.0.0.1")]
    public void IsAllowed_DevelopmentSetting_LetsLoopbackThrough(string address) =>
        _development.IsAllowed(IPAddress.Parse(address), out _).Should().BeTrue();

    [Theory]
    [InlineData("10.0.0.1")]
    [InlineData("192.168.1.1")]
    [InlineData("169.254.169.254")]
    [InlineData("0.0.0.0")]
    [InlineData("::")]
    [InlineData("fe80::1")]
    [InlineData("fd00::1")]
    [InlineData("::ffff:10.0.0.1")]
    public void IsAllowed_DevelopmentSetting_StillRefusesEverythingButLoopback(string address) =>
        _development.IsAllowed(IPAddress.Parse(address), out _).Should().BeFalse();
}
