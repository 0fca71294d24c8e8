using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MindPeeker.Runtime.Cluster;
using MindPeeker.Runtime.Messaging;

namespace MindPeeker.Runtime.Tests.Messaging;

/// <summary>A real listener on 127.0.0.1 plus the connection manager behind it, as a silo runs them.</summary>
internal sealed class LoopbackSilo : IAsyncDisposable
{
    private LoopbackSilo(ConnectionManager connections, ConnectionListener listener, SiloAddress address)
    {
        Connections = connections;
        Listener = listener;
        Address = address;
    }

    public ConnectionManager Connections { get; }

    public ConnectionListener Listener { get; }

    public SiloAddress Address { get; }

    public static LoopbackSilo Start(IInboundMessageHandler handler, int generation = 1, int port = 0, TimeProvider? timeProvider = null, Action<TransportOptions>? configure = null, ILoggerFactory? loggerFactory = null)
    {
        var connections = CreateConnections(handler, timeProvider, configure, loggerFactory);
        var endpoints = new SiloEndpointsOptions { SiloPort = port, ListenAddress = "127.0.0.1" };
        var listener = new ConnectionListener(connections, Options.Create(endpoints), loggerFactory ?? NullLoggerFactory.Instance);
        var address = listener.Start(generation);
        return new LoopbackSilo(connections, listener, address);
    }

    /// <summary>The calling side: a silo identity that does not listen, connecting out only.</summary>
    public static ConnectionManager CreateCaller(IInboundMessageHandler? handler = null, TimeProvider? timeProvider = null, Action<TransportOptions>? configure = null)
    {
        var connections = CreateConnections(handler ?? new RecordingHandler(), timeProvider, configure, null);
        connections.BindLocalSilo(new SiloAddress("127.0.0.1", 1, 1));
        return connections;
    }

    public async ValueTask DisposeAsync()
    {
        await Listener.DisposeAsync();
        await Connections.DisposeAsync();
    }

    private static ConnectionManager CreateConnections(IInboundMessageHandler handler, TimeProvider? timeProvider, Action<TransportOptions>? configure, ILoggerFactory? loggerFactory)
    {
        var options = new TransportOptions();
        configure?.Invoke(options);
        return new ConnectionManager(Options.Create(options), handler, timeProvider ?? TimeProvider.System, loggerFactory ?? NullLoggerFactory.Instance);
    }
}
