using System.Net;
using MindPeeker.ApiFrontend.Security;

namespace MindPeeker.ApiFrontend.Tests.Security;

public sealed class CidrRangeTests
{
    [Theory]
    [InlineData("203.0.113.0/24", "203.0.113.0", true)]
    [InlineData("203.0.113.0/24", "203.0.113.255", true)]
    [InlineData("203.0.113.0/24", "203.0.114.0", false)]
    [InlineData("203.0.113.77/24", "203.0.113.1", true)]
    [InlineData("10.0.0.0/8", "10.255.255.255", true)]
    [InlineData("10.0.0.0/8", "11.0.0.0", false)]
    [InlineData("0.0.0.0/0", "198.51.100.1", true)]
    [InlineData("198.51.100.7", "198.51.100.7", true)]
    [InlineData("198.51.100.7", "198.51.100.8", false)]
    [InlineData("2001:db8::/32", "2001:db8:ffff::1", true)]
    [InlineData("2001:db8::/32", "2001:db9::1", false)]
    [InlineData("2001:db8::1/128", "2001:db8::1", true)]
    [InlineData("::/0", "fe80::1", true)]
    [InlineData("::/0", "198.51.100.1", false)]
    [InlineData("203.0.113.0/24", "::ffff:203.0.113.9", true)]
    [InlineData("203.0.113.0/24", "::ffff:198.51.100.9", false)]
    [InlineData("::ffff:203.0.113.0/120", "203.0.113.9", true)]
    [InlineData("::ffff:203.0.113.0/120", "::ffff:203.0.113.9", true)]
    [InlineData("203.0.113.0/24", "2001:db8::1", false)]
    public void Contains_matches_ipv4_ipv6_and_mapped_addresses(string cidr, string address, bool expected)
    {
        CidrRange.TryParse(cidr, out var range).Should().BeTrue();

        range.Contains(IPAddress.Parse(address)).Should().Be(expected);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-an-ip")]
    [InlineData("10.0.0.0/33")]
    [InlineData("10.0.0.0/-1")]
    [InlineData("10.0.0.0/")]
    [InlineData("10.0.0.0/8/8")]
    [InlineData("2001:db8::/129")]
    [InlineData("fe80::1%1/64")]
    [InlineData("300.0.0.0/8")]
    public void Malformed_blocks_are_refused(string? cidr) => CidrRange.TryParse(cidr, out _).Should().BeFalse();

    [Fact]
    public void Host_bits_are_masked_off_so_the_stored_form_is_canonical()
    {
        CidrRange.TryParse("203.0.113.77/24", out var range).Should().BeTrue();

        range.ToString().Should().Be("203.0.113.0/24");
    }

    [Fact]
    public void An_unknown_client_address_is_in_no_block()
    {
        CidrRange.TryParse("0.0.0.0/0", out var range).Should().BeTrue();

        range.Contains(null).Should().BeFalse();
    }
}
