using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MindPeeker.Runtime.Cluster;

namespace MindPeeker.Runtime.Messaging;

/// <summary>
/// Every connection of this process: one outgoing connection per target silo (or gateway), made on demand
/// and remade after it breaks; and the incoming connections accepted by <see cref="ConnectionListener"/>,
/// by client id and by silo, so this silo can call a connected client (observers) or answer on them.
/// Before the first outgoing connection the process states who it is with <see cref="BindLocalSilo"/> or
/// <see cref="BindLocalClient"/>. Thread-safe.
/// </summary>
internal sealed class ConnectionManager : IAsyncDisposable
{
    private readonly ConcurrentDictionary<SiloAddress, OutboundConnectionSlot> _outbound = new();
    private readonly ConcurrentDictionary<string, OutboundConnectionSlot> _gateways = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, MessageConnection> _clients = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<SiloAddress, MessageConnection> _inboundSilos = new();
    private readonly IInboundMessageHandler _handler;
    private readonly TransportOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly ILogger _connectionLogger;

    public ConnectionManager(IOptions<TransportOptions> options, IInboundMessageHandler handler, TimeProvider timeProvider, ILoggerFactory loggerFactory)
    {
        _options = options.Value;
        _handler = handler;
        _timeProvider = timeProvider;
        _logger = loggerFactory.CreateLogger<ConnectionManager>();
        _connectionLogger = loggerFactory.CreateLogger<MessageConnection>();
    }

    /// <summary>This silo's address once <see cref="BindLocalSilo"/> ran (the listener does it when it starts).</summary>
    public SiloAddress? LocalSilo { get; private set; }

    /// <summary>This client's id once <see cref="BindLocalClient"/> ran.</summary>
    public string? LocalClientId { get; private set; }

    public string ClusterId => _options.ClusterId;

    internal TransportOptions Options => _options;

    internal TimeProvider TimeProvider => _timeProvider;

    public void BindLocalSilo(SiloAddress self)
    {
        ArgumentNullException.ThrowIfNull(self);
        LocalSilo = self;
    }

    public void BindLocalClient(string clientId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clientId);
        LocalClientId = clientId;
    }

    /// <summary>
    /// The connection to <paramref name="target"/>, connecting first when there is none. Fails with
    /// <see cref="ConnectionFailedException"/> when the silo cannot be reached or is not that generation.
    /// </summary>
    public ValueTask<IMessageConnection> GetConnectionAsync(SiloAddress target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (_outbound.TryGetValue(target, out var slot) && slot.Current is { } open)
        {
            return ValueTask.FromResult<IMessageConnection>(open);
        }

        slot ??= _outbound.GetOrAdd(target, key => new OutboundConnectionSlot(key.ToString(), () => ConnectAsync(key.Host, key.Port, key), _options, _timeProvider, _logger));
        return AwaitAsync(slot, cancellationToken);
    }

    /// <summary>A client's connection to the gateway silo at <paramref name="gatewayEndpoint"/> (<c>host:port</c>), whatever its generation.</summary>
    public ValueTask<IMessageConnection> GetConnectionAsync(string gatewayEndpoint, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(gatewayEndpoint);
        if (_gateways.TryGetValue(gatewayEndpoint, out var slot) && slot.Current is { } open)
        {
            return ValueTask.FromResult<IMessageConnection>(open);
        }

        var colon = gatewayEndpoint.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(gatewayEndpoint.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is 0 or > 65535)
        {
            throw new FormatException($"'{gatewayEndpoint}' is not a gateway endpoint of the form 'host:port'.");
        }

        var host = gatewayEndpoint[..colon];
        slot ??= _gateways.GetOrAdd(gatewayEndpoint, _ => new OutboundConnectionSlot(gatewayEndpoint, () => ConnectAsync(host, port, expected: null), _options, _timeProvider, _logger));
        return AwaitAsync(slot, cancellationToken);
    }

    /// <summary>The open connection from the client <paramref name="clientId"/>, for sending it requests or one-ways.</summary>
    public bool TryGetClientConnection(string clientId, [NotNullWhen(true)] out IMessageConnection? connection)
    {
        connection = _clients.TryGetValue(clientId, out var found) && found.IsConnected ? found : null;
        return connection is not null;
    }

    /// <summary>The open connection the silo <paramref name="silo"/> made to this one.</summary>
    public bool TryGetInboundSiloConnection(SiloAddress silo, [NotNullWhen(true)] out IMessageConnection? connection)
    {
        connection = _inboundSilos.TryGetValue(silo, out var found) && found.IsConnected ? found : null;
        return connection is not null;
    }

    /// <summary>Sends Goodbye on every connection, lets in-flight calls finish, then closes them.</summary>
    public async ValueTask DisposeAsync()
    {
        var connections = _outbound.Values.Concat(_gateways.Values).Select(slot => slot.Detach()).OfType<MessageConnection>()
            .Concat(_clients.Values)
            .Concat(_inboundSilos.Values)
            .Distinct()
            .ToArray();
        await Task.WhenAll(connections.Select(connection => connection.CloseGracefullyAsync())).ConfigureAwait(false);
        await Task.WhenAll(connections.Select(connection => connection.DisposeAsync().AsTask())).ConfigureAwait(false);
    }

    internal MessageConnection CreateConnection(Socket socket, string remoteEndpoint) =>
        new(socket, remoteEndpoint, _handler, _options, _timeProvider, _connectionLogger);

    /// <summary>Makes an accepted, handshaken connection findable by its client id or silo address until it closes.</summary>
    internal void RegisterInbound(MessageConnection connection)
    {
        if (connection.RemoteClientId is { } clientId)
        {
            _clients[clientId] = connection;
            connection.Retired = retired => _clients.TryRemove(new KeyValuePair<string, MessageConnection>(clientId, retired));
        }
        else if (connection.RemoteSilo is { } silo)
        {
            _inboundSilos[silo] = connection;
            connection.Retired = retired => _inboundSilos.TryRemove(new KeyValuePair<SiloAddress, MessageConnection>(silo, retired));
        }
    }

    private static async ValueTask<IMessageConnection> AwaitAsync(OutboundConnectionSlot slot, CancellationToken cancellationToken) =>
        await slot.GetOrConnectAsync().WaitAsync(cancellationToken).ConfigureAwait(false);

    private async Task<MessageConnection> ConnectAsync(string host, int port, SiloAddress? expected)
    {
        var self = LocalSilo is { } silo ? Handshake.ForSilo(silo, expected, _options.ClusterId)
            : LocalClientId is { } clientId ? Handshake.ForClient(clientId, _options.ClusterId)
            : throw new InvalidOperationException("Call BindLocalSilo or BindLocalClient before opening connections: the handshake states who this process is.");
        var endpoint = string.Create(CultureInfo.InvariantCulture, $"{host}:{port}");
        var target = expected?.ToString() ?? endpoint;

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        using (var connectTimeout = new CancellationTokenSource(_options.ConnectTimeout, _timeProvider))
        {
            try
            {
                await socket.ConnectAsync(host, port, connectTimeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (connectTimeout.IsCancellationRequested)
            {
                socket.Dispose();
                throw new ConnectionFailedException($"Connecting to {target} timed out after {_options.ConnectTimeout}.");
            }
            catch (SocketException exception)
            {
                socket.Dispose();
                throw new ConnectionFailedException($"Connecting to {target} failed: {exception.Message}", exception);
            }
        }

        var connection = CreateConnection(socket, endpoint);
        try
        {
            using var handshakeTimeout = new CancellationTokenSource(_options.HandshakeTimeout, _timeProvider);
            var peer = await Handshake.ConnectAsync(connection, self, expected, handshakeTimeout.Token).ConfigureAwait(false);
            connection.SetRemote(peer);
        }
        catch (Exception exception)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            if (exception is OperationCanceledException)
            {
                throw new ConnectionFailedException($"The handshake with {target} did not finish within {_options.HandshakeTimeout}.", exception);
            }

            throw;
        }

        connection.Start();
        MessagingLog.Connected(_logger, connection.Describe());
        return connection;
    }
}
