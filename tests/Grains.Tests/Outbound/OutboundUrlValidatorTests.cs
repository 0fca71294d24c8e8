using MindPeeker.Grains.Outbound;

namespace MindPeeker.Grains.Tests.Outbound;

public sealed class OutboundUrlValidatorTests
{
    private readonly ScriptedHostResolver _resolver = new ScriptedHostResolver()
        .Answer("hooks.example.com", ["93.184.216.34", "2606:2800:220:1::"])
        .Answer("internal.example.com", ["10.0.0.5"])
        .Answer("metadata.example.com", ["169.254.169.254"])
        .Answer("mixed.example.com", ["93.184.216.34", "192.168.0.10"])
        .Answer("mapped.example.com", ["::ffff:127.0.0.1"]);

    private OutboundUrlValidator Validator(bool allowLoopback = false) => new(_resolver, new OutboundAddressPolicy(allowLoopback));

    [Theory]
    [InlineData("https://hooks.example.com/mindpeeker")]
    [InlineData("http://hooks.example.com:8080/x?y=1")]
    [InlineData("https://93.184.216.34/hook")]
    [InlineData("https://[2606:2800:220:1::]/hook")]
    public async Task ValidateAsync_PublicDestination_IsAllowed(string url)
    {
        var check = await Validator().ValidateAsync(url, CancellationToken.None);

        check.IsAllowed.Should().BeTrue(check.Reason);
        check.Url.Should().Be(new Uri(url));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("/relative/path", "not an absolute URL")]
    [InlineData("hooks.example.com/x", "not an absolute URL")]
    [InlineData("ftp://hooks.example.com/x", "scheme 'ftp' is not allowed")]
    [InlineData("file:///etc/passwd", "scheme 'file' is not allowed")]
    [InlineData("gopher://hooks.example.com:70/_x", "scheme 'gopher' is not allowed")]
    [InlineData("javascript:alert(1)", "scheme 'javascript' is not allowed")]
    [InlineData("https://user:pass@hooks.example.com/", "user info")]
    [InlineData("https://hooks.example.com@127.0.0.1/", "user info")]
    public async Task ValidateAsync_MalformedUrl_IsRefused(string url, string reasonFragment)
    {
        var check = await Validator().ValidateAsync(url, CancellationToken.None);

        check.IsAllowed.Should().BeFalse();
        check.Reason.Should().Contain(reasonFragment);
    }

    [Theory]
    [InlineData("http://127.0.0.1/", "127.0.0.1 is a loopback")]
    [InlineData("http://2130706433/", "127.0.0.1 is a loopback")]
    [InlineData("http://0x7f000001/", "127.0.0.1 is a loopback")]
    [InlineData("http://0x7f.0.0.1/", "127.0.0.1 is a loopback")]
    [InlineData("http://0177.0.0.1/", "127.0.0.1 is a loopback")]
    [InlineData("http://017700000001/", "127.0.0.1 is a loopback")]
    [InlineData("http://127.1/", "127.0.0.1 is a loopback")]
    [InlineData("http://0/", "0.0.0.0 is a 'this network'")]
    [InlineData("http://169.254.169.254/latest/meta-data/", "169.254.169.254 is a link-local")]
    [InlineData("http://2852039166/latest/meta-data/", "169.254.169.254 is a link-local")]
    [InlineData("http://0xa9fea9fe/", "169.254.169.254 is a link-local")]
    [InlineData("http://10.0.0.1:8080/", "private")]
    [InlineData("http://[::1]/", "loopback")]
    [InlineData("http://[::ffff:127.0.0.1]/", "embedding 127.0.0.1")]
    [InlineData("http://[::ffff:7f00:1]/", "embedding 127.0.0.1")]
    [InlineData("http://[0:0:0:0:0:ffff:a9fe:a9fe]/", "embedding 169.254.169.254")]
    [InlineData("http://[fe80::1]/", "link-local")]
    [InlineData("http://[fd00::1]/", "unique local")]
    [InlineData("http://[64:ff9b::a00:1]/", "NAT64")]
    [InlineData("http://[2002:a00:1::]/", "6to4")]
    [InlineData("http://[2001:db8::1]/", "documentation")]
    public async Task ValidateAsync_LiteralBlockedAddressInAnySpelling_IsRefused(string url, string reasonFragment)
    {
        var check = await Validator().ValidateAsync(url, CancellationToken.None);

        check.IsAllowed.Should().BeFalse();
        check.Reason.Should().Contain(reasonFragment);
        _resolver.LookupsOf(new Uri(url).IdnHost).Should().Be(0, "a literal address is checked as it is, not looked up");
    }

    [Theory]
    [InlineData("https://internal.example.com/", "The host internal.example.com resolves to a refused address: 10.0.0.5 is a private address (10.0.0.0/8).")]
    [InlineData("https://metadata.example.com/", "169.254.169.254 is a link-local")]
    [InlineData("https://mixed.example.com/", "192.168.0.10 is a private address")]
    [InlineData("https://mapped.example.com/", "embedding 127.0.0.1")]
    [InlineData("https://nowhere.example.com/", "does not resolve")]
    public async Task ValidateAsync_NameResolvingToABlockedAddress_IsRefused(string url, string reasonFragment)
    {
        var check = await Validator().ValidateAsync(url, CancellationToken.None);

        check.IsAllowed.Should().BeFalse();
        check.Reason.Should().Contain(reasonFragment);
    }

    [Fact]
    public async Task ValidateAsync_LocalhostThroughRealDns_IsRefused_AndAllowedWithTheDevelopmentSetting()
    {
        var dns = new DnsHostResolver();

        var refused = await new OutboundUrlValidator(dns, new OutboundAddressPolicy(false)).ValidateAsync("http://localhost:5000/hook", CancellationToken.None);
        var allowed = await new OutboundUrlValidator(dns, new OutboundAddressPolicy(true)).ValidateAsync("http://localhost:5000/hook", CancellationToken.None);

        refused.Reason.Should().Contain("The host localhost resolves to a refused address").And.Contain("loopback");
        allowed.IsAllowed.Should().BeTrue(allowed.Reason);
    }

    [Fact]
    public async Task ValidateAsync_DevelopmentSetting_AllowsLoopbackOnly()
    {
        (await Validator(allowLoopback: true).ValidateAsync("http://127.0.0.1:5000/", CancellationToken.None)).IsAllowed.Should().BeTrue();
        (await Validator(allowLoopback: true).ValidateAsync("http://[::1]:5000/", CancellationToken.None)).IsAllowed.Should().BeTrue();
        (await Validator(allowLoopback: true).ValidateAsync("https://internal.example.com/", CancellationToken.None)).IsAllowed.Should().BeFalse();
        (await Validator(allowLoopback: true).ValidateAsync("http://169.254.169.254/", CancellationToken.None)).IsAllowed.Should().BeFalse();
    }

    [Fact]
    public async Task ValidateAsync_OverlongUrl_IsRefused()
    {
        var check = await Validator().ValidateAsync("https://hooks.example.com/" + new string('a', 2100), CancellationToken.None);

        check.Reason.Should().Contain("longer than 2048");
    }
}
