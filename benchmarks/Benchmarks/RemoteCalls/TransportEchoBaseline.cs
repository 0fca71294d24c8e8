using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MindPeeker.Runtime.Cluster;
using MindPeeker.Runtime.Messaging;

namespace MindPeeker.Benchmarks.RemoteCalls;

/// <summary>
/// The floor for <c>remote-calls</c>: the calling end of the same transport (codec, connection) with no grain
/// runtime, talking to a <see cref="TransportEchoServer"/>. A closed loop of <c>concurrency</c> callers multiplexed
/// over one connection, each sending a <c>payloadBytes</c> body. What remains between this and a remote grain call to
/// the same process is the grain layer's own cost.
/// </summary>
internal sealed class TransportEchoBaseline : IAsyncDisposable
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);

    private readonly ConnectionManager _client;
    private readonly SiloAddress _server;

    private TransportEchoBaseline(ConnectionManager client, SiloAddress server)
    {
        _client = client;
        _server = server;
    }

    /// <summary>The calling side for the echo server at <paramref name="server"/>.</summary>
    public static TransportEchoBaseline ConnectTo(SiloAddress server)
    {
        var client = new ConnectionManager(Options.Create(new TransportOptions()), new NoInboundRequests(), TimeProvider.System, NullLoggerFactory.Instance);
        client.BindLocalSilo(new SiloAddress("127.0.0.1", 1, 1));
        return new TransportEchoBaseline(client, server);
    }

    /// <summary>
    /// Runs <paramref name="concurrency"/> callers for <paramref name="duration"/>, each sending a request with a
    /// <paramref name="payloadBytes"/>-byte body and waiting for the echo before the next; calls/s and latency
    /// percentiles are on the returned <see cref="LoadResult"/>.
    /// </summary>
    public async Task<LoadResult> RunAsync(int concurrency, TimeSpan duration, int payloadBytes)
    {
        var connection = await _client.GetConnectionAsync(_server);
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

    public ValueTask DisposeAsync() => _client.DisposeAsync();

    /// <summary>The calling side only sends requests; the server never sends it one.</summary>
    private sealed class NoInboundRequests : IInboundMessageHandler
    {
        public void OnMessage(Message message, IMessageConnection connection)
        {
        }
    }
}
