using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MindPeeker.Runtime.Cluster;
using MindPeeker.Runtime.Messaging;
using MindPeeker.TestSupport;
using static MindPeeker.Runtime.Tests.Messaging.MessageConnectionTests;

namespace MindPeeker.Runtime.Tests.Messaging;

public sealed class ConnectionManagerTests
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task GetConnectionAsync_ConcurrentCallers_ShareOneConnection()
    {
        await using var silo = LoopbackSilo.Start(new EchoHandler());
        await using var caller = LoopbackSilo.CreateCaller();

        var connections = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => caller.GetConnectionAsync(silo.Address).AsTask()));

        connections.Distinct().Should().ContainSingle();
        connections[0].RemoteSilo.Should().Be(silo.Address);
    }

    [Fact]
    public async Task GetConnectionAsync_AfterTheListenerRestarts_ReconnectsOnceTheBackoffPassed()
    {
        var time = new FakeTimeProvider();
        var silo = LoopbackSilo.Start(new EchoHandler());
        var address = silo.Address;
        await using var caller = LoopbackSilo.CreateCaller(timeProvider: time, configure: options => options.MinReconnectBackoff = TimeSpan.FromSeconds(1));
        var first = await caller.GetConnectionAsync(address);
        (await first.SendRequestAsync(Request("before"), CallTimeout)).Status.Should().Be(ResponseStatus.Ok);

        await silo.DisposeAsync();
        await ((MessageConnection)first).Completion.WaitAsync(TestTimeouts.Generous);
        var refused = async () => await caller.GetConnectionAsync(address);
        (await refused.Should().ThrowAsync<ConnectionFailedException>()).WithMessage($"Connecting to {address} failed*");
        (await refused.Should().ThrowAsync<ConnectionFailedException>("a second attempt within the back-off fails fast")).WithMessage($"Not connecting to {address}*");

        await using var restarted = LoopbackSilo.Start(new EchoHandler(), generation: address.Generation, port: address.Port);
        (await refused.Should().ThrowAsync<ConnectionFailedException>("the back-off has not passed")).WithMessage("Not connecting*");
        time.Advance(TimeSpan.FromSeconds(1));
        var second = await caller.GetConnectionAsync(address);

        second.Should().NotBeSameAs(first);
        Encoding.UTF8.GetString((await second.SendRequestAsync(Request("after"), CallTimeout)).Body.Span).Should().Be("after");
    }

    [Fact]
    public async Task GetConnectionAsync_ConsecutiveFailures_DoubleTheBackoff()
    {
        var time = new FakeTimeProvider();
        var silo = LoopbackSilo.Start(new EchoHandler());
        var address = silo.Address;
        await silo.DisposeAsync();
        await using var caller = LoopbackSilo.CreateCaller(timeProvider: time, configure: options => options.MinReconnectBackoff = TimeSpan.FromSeconds(1));
        var connect = async () => await caller.GetConnectionAsync(address);

        await connect.Should().ThrowAsync<ConnectionFailedException>();
        time.Advance(TimeSpan.FromSeconds(1));
        (await connect.Should().ThrowAsync<ConnectionFailedException>()).WithMessage("Connecting to*", "the first back-off (1 s) passed, so this is a real attempt");
        time.Advance(TimeSpan.FromSeconds(1.5));

        (await connect.Should().ThrowAsync<ConnectionFailedException>()).WithMessage("Not connecting*", "the second back-off is 2 s");
    }

    [Fact]
    public async Task GetConnectionAsync_SiloRestartedWithNewGeneration_FailsNamingBothAddresses()
    {
        var logs = new CapturingLoggerProvider();
        await using var silo = LoopbackSilo.Start(new EchoHandler(), generation: 2, loggerFactory: logs.CreateFactory());
        await using var caller = LoopbackSilo.CreateCaller();
        var stale = silo.Address with { Generation = 1 };

        var connect = async () => await caller.GetConnectionAsync(stale);

        (await connect.Should().ThrowAsync<ConnectionFailedException>()).WithMessage($"Expected silo {stale} at*but silo {silo.Address} answered*");
        logs.Lines.Should().Contain(line => line.Contains($"expected silo {stale} but this is silo {silo.Address}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetConnectionAsync_OtherCluster_FailsNamingBothClusters()
    {
        await using var silo = LoopbackSilo.Start(new EchoHandler(), configure: options => options.ClusterId = "blue");
        await using var caller = LoopbackSilo.CreateCaller(configure: options => options.ClusterId = "green");

        var connect = async () => await caller.GetConnectionAsync(silo.Address);

        (await connect.Should().ThrowAsync<ConnectionFailedException>()).WithMessage("*cluster 'blue'*cluster 'green'*");
    }

    [Fact]
    public async Task ClientConnection_IsRegisteredSoTheSiloCanCallTheClient()
    {
        var siloHandler = new RecordingHandler();
        var clientHandler = new EchoHandler();
        await using var silo = LoopbackSilo.Start(siloHandler);
        await using var client = new ConnectionManager(Options.Create(new TransportOptions()), clientHandler, TimeProvider.System, NullLoggerFactory.Instance);
        client.BindLocalClient("frontend-7");
        var gateway = await client.GetConnectionAsync(silo.Address.Endpoint);
        gateway.RemoteSilo.Should().Be(silo.Address);
        await gateway.SendAsync(new Message { Kind = MessageKind.OneWay });
        (await siloHandler.NextAsync()).Connection.RemoteClientId.Should().Be("frontend-7");

        silo.Connections.TryGetClientConnection("frontend-7", out var toClient).Should().BeTrue();
        var answer = await toClient!.SendRequestAsync(Request("observer update"), CallTimeout).WaitAsync(TestTimeouts.Generous);

        Encoding.UTF8.GetString(answer.Body.Span).Should().Be("observer update");
        silo.Connections.TryGetClientConnection("someone-else", out _).Should().BeFalse();
    }

    [Fact]
    public async Task InboundSiloConnection_IsRegisteredByTheCallersAddress()
    {
        var handler = new RecordingHandler();
        await using var silo = LoopbackSilo.Start(handler);
        await using var caller = LoopbackSilo.CreateCaller(new EchoHandler());
        var connection = await caller.GetConnectionAsync(silo.Address);
        await connection.SendAsync(new Message { Kind = MessageKind.OneWay });
        await handler.NextAsync();

        silo.Connections.TryGetInboundSiloConnection(caller.LocalSilo!, out var back).Should().BeTrue();
        var answer = await back!.SendRequestAsync(Request("reverse"), CallTimeout).WaitAsync(TestTimeouts.Generous);

        Encoding.UTF8.GetString(answer.Body.Span).Should().Be("reverse");
    }

    [Fact]
    public async Task GetConnectionAsync_WithoutALocalIdentity_SaysWhatToCallFirst()
    {
        await using var silo = LoopbackSilo.Start(new EchoHandler());
        await using var anonymous = new ConnectionManager(Options.Create(new TransportOptions()), new EchoHandler(), TimeProvider.System, NullLoggerFactory.Instance);

        var connect = async () => await anonymous.GetConnectionAsync(silo.Address);

        (await connect.Should().ThrowAsync<ConnectionFailedException>()).WithInnerException<InvalidOperationException>().WithMessage("*BindLocalSilo or BindLocalClient*");
    }

    [Fact]
    public async Task Listener_PortZero_ReportsTheChosenPortInItsAddress()
    {
        var connections = LoopbackSilo.CreateCaller();
        await using var listener = new ConnectionListener(connections, Options.Create(new SiloEndpointsOptions { SiloPort = 0, ListenAddress = "127.0.0.1" }), NullLoggerFactory.Instance);

        var self = listener.Start(generation: 5);

        self.Should().Be(new SiloAddress("127.0.0.1", listener.BoundEndpoint!.Port, 5));
        self.Port.Should().BeGreaterThan(0);
        connections.LocalSilo.Should().Be(self);
    }
}
