using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MindPeeker.Runtime.Cluster;

namespace MindPeeker.Runtime.Messaging;

/// <summary>
/// Accepts silo and client connections on <see cref="SiloEndpointsOptions"/>' port with a plain socket accept
/// loop (not Kestrel, so a process that also serves HTTP keeps its <c>--urls</c> / <c>Kestrel:Endpoints</c>
/// configuration untouched; see docs/wire-protocol.md). Each accepted socket gets the Hello handshake and is
/// then registered with the <see cref="ConnectionManager"/>.
/// </summary>
internal sealed class ConnectionListener : IAsyncDisposable
{
    private readonly ConnectionManager _connections;
    private readonly SiloEndpointsOptions _endpoints;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<MessageConnection, byte> _accepted = new();
    private readonly CancellationTokenSource _stopping = new();
    private Socket? _listenSocket;
    private Task _acceptLoop = Task.CompletedTask;

    public ConnectionListener(ConnectionManager connections, IOptions<SiloEndpointsOptions> endpoints, ILoggerFactory loggerFactory)
    {
        _connections = connections;
        _endpoints = endpoints.Value;
        _logger = loggerFactory.CreateLogger<ConnectionListener>();
    }

    /// <summary>The address and port actually bound (the chosen port when <see cref="SiloEndpointsOptions.SiloPort"/> is 0).</summary>
    public IPEndPoint? BoundEndpoint { get; private set; }

    /// <summary>
    /// Binds, starts accepting, and returns this silo's address: the advertised host, the bound port and
    /// <paramref name="generation"/>. Also binds the <see cref="ConnectionManager"/> to that address.
    /// </summary>
    public SiloAddress Start(int generation)
    {
        if (_listenSocket is not null)
        {
            throw new InvalidOperationException("The listener is already started.");
        }

        var listenAddress = IPAddress.Parse(_endpoints.ListenAddress);
        var socket = new Socket(listenAddress.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            if (!OperatingSystem.IsWindows())
            {
                // As Kestrel does: lets a restarted silo rebind its port while old connections sit in TIME_WAIT.
                socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            }

            socket.Bind(new IPEndPoint(listenAddress, _endpoints.SiloPort));
            socket.Listen(512);
        }
        catch (SocketException exception)
        {
            socket.Dispose();
            throw new InvalidOperationException($"Cannot listen for silo connections on {listenAddress}:{_endpoints.SiloPort} (Silo:Endpoints): {exception.Message}", exception);
        }

        _listenSocket = socket;
        BoundEndpoint = (IPEndPoint)socket.LocalEndPoint!;
        var self = new SiloAddress(AdvertisedHost.Resolve(_endpoints, listenAddress), BoundEndpoint.Port, generation);
        _connections.BindLocalSilo(self);
        MessagingLog.Listening(_logger, BoundEndpoint, self.ToString());
        _acceptLoop = AcceptLoopAsync(socket);
        return self;
    }

    /// <summary>Stops accepting and closes the accepted connections gracefully (Goodbye, then in-flight calls finish).</summary>
    public async Task StopAsync()
    {
        StopAccepting();
        await _acceptLoop.ConfigureAwait(false);
        await Task.WhenAll(_accepted.Keys.Select(connection => connection.CloseGracefullyAsync())).ConfigureAwait(false);
    }

    /// <summary>Stops accepting and drops every accepted connection at once, as a crashed silo would.</summary>
    public async ValueTask DisposeAsync()
    {
        StopAccepting();
        await _acceptLoop.ConfigureAwait(false);
        await Task.WhenAll(_accepted.Keys.Select(connection => connection.DisposeAsync().AsTask())).ConfigureAwait(false);
        _stopping.Dispose();
    }

    private void StopAccepting()
    {
        if (_listenSocket is null || _stopping.IsCancellationRequested)
        {
            return;
        }

        _stopping.Cancel();
        _listenSocket.Dispose();
        MessagingLog.StoppedListening(_logger, BoundEndpoint!);
    }

    private async Task AcceptLoopAsync(Socket listenSocket)
    {
        await Task.Yield();
        while (!_stopping.IsCancellationRequested)
        {
            Socket accepted;
            try
            {
                accepted = await listenSocket.AcceptAsync(_stopping.Token).ConfigureAwait(false);
            }
            catch (Exception) when (_stopping.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException exception)
            {
                MessagingLog.AcceptFailed(_logger, exception);
                continue;
            }

            _ = HandshakeAsync(accepted);
        }
    }

    private async Task HandshakeAsync(Socket socket)
    {
        var remote = socket.RemoteEndPoint?.ToString() ?? "unknown";
        var connection = _connections.CreateConnection(socket, remote);
        _accepted[connection] = 0;
        _ = connection.Completion.ContinueWith(
            (_, state) => ((ConcurrentDictionary<MessageConnection, byte>)state!).TryRemove(connection, out var _),
            _accepted,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);

        var self = _connections.LocalSilo!;
        var options = _connections.Options;
        string? rejection;
        HelloPayload? peer = null;
        using var budget = new CancellationTokenSource(options.HandshakeTimeout, _connections.TimeProvider);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(budget.Token, _stopping.Token);
        try
        {
            try
            {
                peer = await connection.ReadHelloAsync(timeout.Token).ConfigureAwait(false);
                rejection = Handshake.Reject(peer, self, options.ClusterId);
            }
            catch (WireProtocolException exception)
            {
                rejection = exception.Message;
            }

            // Sent on rejection too, so the connector can name the silo it actually reached.
            await connection.SendHelloAsync(Handshake.ForSilo(self, null, options.ClusterId), timeout.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is OperationCanceledException or ConnectionClosedException or IOException)
        {
            MessagingLog.HandshakeRejected(_logger, remote, "the handshake did not complete: " + exception.Message);
            await connection.DisposeAsync().ConfigureAwait(false);
            return;
        }

        if (rejection is not null || peer is null)
        {
            MessagingLog.HandshakeRejected(_logger, remote, rejection ?? "no Hello");
            await connection.CloseGracefullyAsync().ConfigureAwait(false);
            return;
        }

        connection.SetRemote(peer);
        _connections.RegisterInbound(connection);
        connection.Start();
        MessagingLog.Accepted(_logger, peer.Kind, connection.Describe());
    }
}
