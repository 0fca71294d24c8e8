using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MindPeeker.Runtime.Cluster;
using MindPeeker.Runtime.Messaging;

namespace MindPeeker.Benchmarks.RemoteCalls;

/// <summary>
/// The answering end of <see cref="TransportEchoBaseline"/>: a loopback listener of the silo transport (codec,
/// connection, listener) whose handler answers every request with its own body, from the connection's read loop.
/// No grain runtime behind it. Runs in the benchmark process or in the child silo process of <c>remote-calls</c>.
/// </summary>
internal sealed class TransportEchoServer : IAsyncDisposable
{
    private readonly ConnectionManager _server;
    private readonly ConnectionListener _listener;

    private TransportEchoServer(ConnectionManager server, ConnectionListener listener, SiloAddress address)
    {
        _server = server;
        _listener = listener;
        Address = address;
    }

    /// <summary>Where the echo listens, <c>127.0.0.1:port@1</c>.</summary>
    public SiloAddress Address { get; }

    public static TransportEchoServer Start()
    {
        var server = new ConnectionManager(Options.Create(new TransportOptions()), new EchoHandler(), TimeProvider.System, NullLoggerFactory.Instance);
        var listener = new ConnectionListener(server, Options.Create(new SiloEndpointsOptions { SiloPort = 0, ListenAddress = "127.0.0.1" }), NullLoggerFactory.Instance);
        return new TransportEchoServer(server, listener, listener.Start(generation: 1));
    }

    public async ValueTask DisposeAsync()
    {
        await _listener.StopAsync();
        await _server.DisposeAsync();
    }

    private sealed class EchoHandler : IInboundMessageHandler
    {
        public void OnMessage(Message message, IMessageConnection connection)
        {
            if (message.Kind != MessageKind.Request)
            {
                return;
            }

            var send = connection.SendAsync(new Message { Kind = MessageKind.Response, Id = message.Id, Status = ResponseStatus.Ok, Body = message.Body });
            if (!send.IsCompletedSuccessfully)
            {
                _ = send.AsTask();
            }
        }
    }
}
