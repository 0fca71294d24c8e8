using System.Net;
using Microsoft.Extensions.Options;
using MindPeeker.Grains.Outbound;

namespace MindPeeker.Grains.Tests.Outbound;

/// <summary>Requests through the guarded handler against a real Kestrel server on loopback.</summary>
public sealed class OutboundHttpClientFactoryTests : IAsyncLifetime
{
    private readonly ScriptedHostResolver _resolver = new();
    private WebhookTestReceiver _server = null!;

    public async Task InitializeAsync()
    {
        _server = await WebhookTestReceiver.StartAsync();
        _server.Status = 200;
        _server.ResponseBody = "internal";
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("http://127.0.0.1:{0}/")]
    [InlineData("http://2130706433:{0}/")]
    [InlineData("http://0x7f.0.0.1:{0}/")]
    [InlineData("http://[::ffff:127.0.0.1]:{0}/")]
    public async Task SendAsync_LoopbackServer_IsRefusedByDefault_AndNeverReached(string template)
    {
        using var factory = Factory(allowLoopback: false);
        using var client = factory.CreateClient();

        var act = () => client.GetAsync(new Uri(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, _server.Port)));

        var thrown = await act.Should().ThrowAsync<HttpRequestException>();
        OutboundDestinationBlockedException.Find(thrown.Which)!.Message.Should().ContainAny("127.0.0.1, a loopback address", "127.0.0.1 is a loopback address");
        _server.Received.Select(r => r.Path).Should().BeEmpty();
    }

    [Theory]
    [InlineData("http://127.0.0.1:{0}/")]
    [InlineData("http://[::ffff:127.0.0.1]:{0}/")]
    public async Task SendAsync_LoopbackServer_IsReachedWithTheDevelopmentSetting(string template)
    {
        using var factory = Factory(allowLoopback: true);
        using var client = factory.CreateClient();

        var body = await client.GetStringAsync(new Uri(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, _server.Port)));

        body.Should().Be("internal");
        _server.Received.Select(r => r.Path).Should().Equal("/");
    }

    [Fact]
    public async Task SendAsync_NameRebindingToLoopbackAfterRegistration_IsRefusedAtConnection()
    {
        _resolver.Answer("rebind.example.com", ["93.184.216.34"], ["127.0.0.1"]);
        var registration = await new OutboundUrlValidator(_resolver, new OutboundAddressPolicy(false))
            .ValidateAsync($"http://rebind.example.com:{_server.Port}/", CancellationToken.None);
        using var factory = Factory(allowLoopback: false);
        using var client = factory.CreateClient();

        var act = () => client.GetAsync(registration.Url);

        registration.IsAllowed.Should().BeTrue("the first answer was public");
        var thrown = await act.Should().ThrowAsync<HttpRequestException>();
        OutboundDestinationBlockedException.Find(thrown.Which)!.Message
            .Should().Be("The host rebind.example.com resolves to a refused address: 127.0.0.1 is a loopback address (127.0.0.0/8).");
        _server.Received.Select(r => r.Path).Should().BeEmpty();
    }

    [Fact]
    public async Task SendAsync_NameAlsoResolvingToAPrivateAddress_IsRefusedEvenIfTheFirstAnswerIsReachable()
    {
        _resolver.Answer("split.example.com", ["127.0.0.1", "10.0.0.7"]);
        using var factory = Factory(allowLoopback: true);
        using var client = factory.CreateClient();

        var act = () => client.GetAsync(new Uri($"http://split.example.com:{_server.Port}/"));

        var thrown = await act.Should().ThrowAsync<HttpRequestException>();
        OutboundDestinationBlockedException.Find(thrown.Which)!.Message.Should().Contain("10.0.0.7 is a private address");
        _server.Received.Select(r => r.Path).Should().BeEmpty();
    }

    [Fact]
    public async Task SendAsync_ConnectsToTheAddressItChecked_WithOneLookupPerConnection()
    {
        // Not a real DNS name: reaching the server proves the connection used the checked answer, not a second lookup.
        _resolver.Answer("receiver.invalid", ["127.0.0.1"]);
        using var factory = Factory(allowLoopback: true);
        using var client = factory.CreateClient();

        var body = await client.GetStringAsync(new Uri($"http://receiver.invalid:{_server.Port}/"));

        body.Should().Be("internal");
        _resolver.LookupsOf("receiver.invalid").Should().Be(1);
    }

    [Fact]
    public async Task SendAsync_Redirect_IsReturnedNotFollowed()
    {
        using var factory = Factory(allowLoopback: true);
        using var client = factory.CreateClient();

        _server.Status = 302;
        _server.Location = $"http://127.0.0.1:{_server.Port}/";

        using var response = await client.GetAsync(new Uri($"http://127.0.0.1:{_server.Port}/redirect"));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        _server.Received.Select(r => r.Path).Should().Equal("/redirect");
    }

    [Fact]
    public async Task SendAsync_UnresolvableName_FailsWithAClearReason()
    {
        using var factory = Factory(allowLoopback: true);
        using var client = factory.CreateClient();

        var act = () => client.GetAsync(new Uri("http://nothing-here.invalid/"));

        var thrown = await act.Should().ThrowAsync<HttpRequestException>();
        OutboundDestinationBlockedException.Find(thrown.Which)!.Message.Should().Contain("does not resolve");
    }

    [Fact]
    public void CreateClient_UsesTheConfiguredTimeoutUnlessGivenOne()
    {
        using var factory = Factory(allowLoopback: false, requestTimeout: TimeSpan.FromSeconds(15));

        using var standard = factory.CreateClient();
        using var provider = factory.CreateClient(TimeSpan.FromSeconds(120));

        standard.Timeout.Should().Be(TimeSpan.FromSeconds(15));
        provider.Timeout.Should().Be(TimeSpan.FromSeconds(120));
    }

    [Fact]
    public void CreateHandler_NeverFollowsRedirectsNorUsesAProxy()
    {
        using var factory = Factory(allowLoopback: false);

        using var handler = factory.CreateHandler();

        handler.AllowAutoRedirect.Should().BeFalse();
        handler.UseProxy.Should().BeFalse();
        handler.ConnectCallback.Should().NotBeNull();
    }

    private OutboundHttpClientFactory Factory(bool allowLoopback, TimeSpan? requestTimeout = null)
    {
        var options = new OutboundHttpOptions { AllowLoopbackTargets = allowLoopback, RequestTimeout = requestTimeout ?? TimeSpan.FromSeconds(15) };
        return new OutboundHttpClientFactory(Options.Create(options), _resolver, new OutboundAddressPolicy(allowLoopback));
    }
}
