using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MindPeeker.Runtime.Cluster;
using MindPeeker.Runtime.Messaging;

namespace MindPeeker.Benchmarks.RemoteCalls;

/// <summary>
/// The floor for <c>remote-calls</c>: the same transport (codec, connection, listener) with no grain runtime
/// behind it. A loopback listener whose handler answers every request with its own body; a closed loop of
/// <c>concurrency</c> callers multiplexed over one connection, each sending a <c>payloadBytes</c> body.
/// What remains between this and a remote grain call is the grain layer's own cost.
/// </summary>
internal sealed class TransportEchoBaseline : IAsyncDisposable
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);

    private readonly ConnectionManager _server;
    private readonly ConnectionListener _listener;
    private readonly ConnectionManager _client;
    private readonly SiloAddress _address;

    private TransportEchoBaseline(ConnectionManager server, ConnectionListener listener, ConnectionManager client, SiloAddress address)
    {
        _server = server;
        _listener = listener;
        _client = client;
        _address = address;
    }

    /// <summary>Starts the echo listener on a free loopback port and the calling side.</summary>
    public static TransportEchoBaseline Start()
    {
        var options = Options.Create(new TransportOptions());
        var server = new ConnectionManager(options, new EchoHandler(), TimeProvider.System, NullLoggerFactory.Instance);
        var listener = new ConnectionListener(server, Options.Create(new SiloEndpointsOptions { SiloPort = 0, ListenAddress = "127.0.0.1" }), NullLoggerFactory.Instance);
        var address = listener.Start(generation: 1);
        var client = new ConnectionManager(options, new EchoHandler(), TimeProvider.System, NullLoggerFactory.Instance);
        client.BindLocalSilo(new SiloAddress("127.0.0.1", 1, 1));
        return new TransportEchoBaseline(server, listener, client, address);
    }

    /// <summary>
    /// Runs <paramref name="concurrency"/> callers for <paramref name="duration"/>, each sending a request with a
    /// <paramref name="payloadBytes"/>-byte body and waiting for the echo before the next; calls/s and latency
    /// percentiles are on the returned <see cref="LoadResult"/>.
    /// </summary>
    public async Task<LoadResult> RunAsync(int concurrency, TimeSpan duration, int payloadBytes)
    {
        var connection = await _client.GetConnectionAsync(_address);
        var payload = new byte[payloadBytes];
        Random.Shared.NextBytes(payload);
        return await ClosedLoopLoad.RunAsync(concurrency, duration, async (_, _) =>
        {
            var request = new Message
            {
                Kind = MessageKind.Request,
                TargetGrain = "echo/1",
                InterfaceName = "MindPeeker.Benchmarks.IEcho",
                MethodName = "Echo",
                Body = payload,
            };
            var response = await connection.SendRequestAsync(request, CallTimeout);
            if (response.Body.Length != payloadBytes)
            {
                throw new InvalidOperationException($"The echo returned {response.Body.Length} bytes instead of {payloadBytes}.");
            }
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _client.DisposeAsync();
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
