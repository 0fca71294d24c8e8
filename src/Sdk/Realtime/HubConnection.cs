using System.Collections.Concurrent;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MindPeeker.Sdk.Http;

namespace MindPeeker.Sdk.Realtime;

/// <summary>
/// A minimal SignalR client: WebSockets transport without negotiation, JSON hub protocol v1 (messages
/// separated by 0x1E), handshake, keep-alive pings every 15 s (the server drops a client silent for 30 s),
/// invocations with completions, and server-to-client invocations dispatched by target name. Credentials
/// travel as request headers of the WebSocket upgrade. Handlers run on the receive loop, one at a time.
/// </summary>
internal sealed class HubConnection : IAsyncDisposable
{
    private static readonly TimeSpan PingInterval = TimeSpan.FromSeconds(15);

    private readonly ClientWebSocket _socket;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly ConcurrentDictionary<string, TaskCompletionSource<JsonElement>> _pending = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Action<JsonElement[]>> _handlers = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stopping = new();
    private ITimer? _pingTimer;
    private Task _receiveLoop = Task.CompletedTask;
    private int _nextInvocationId;

    private HubConnection(ClientWebSocket socket, TimeProvider time)
    {
        _socket = socket;
        _time = time;
    }

    /// <summary>Completes when the connection has ended: normally after dispose, faulted when the server closed it with an error or the socket failed.</summary>
    public Task Closed => _closed.Task;

    public static async Task<HubConnection> ConnectAsync(ApiConnection api, string hubPath, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        foreach (var (name, value) in api.CredentialHeaders())
        {
            socket.Options.SetRequestHeader(name, value);
        }

        var builder = new UriBuilder(new Uri(api.BaseAddress, hubPath)) { Scheme = api.BaseAddress.Scheme == Uri.UriSchemeHttps ? "wss" : "ws" };
        var connection = new HubConnection(socket, api.Time);
        try
        {
            await socket.ConnectAsync(builder.Uri, cancellationToken).ConfigureAwait(false);
            await connection.SendRawAsync(HubMessages.Handshake, cancellationToken).ConfigureAwait(false);
            var reader = new HubMessageReader(socket);
            var handshake = await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
                ?? throw new WebSocketException("The hub closed the connection during the handshake.");
            if (handshake.RootElement.TryGetProperty("error", out var error))
            {
                throw new WebSocketException($"The hub refused the handshake: {error.GetString()}");
            }

            connection._pingTimer = connection._time.CreateTimer(_ => connection.SendPing(), null, PingInterval, PingInterval);
            connection._receiveLoop = connection.ReceiveAsync(reader);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Calls <paramref name="handler"/> with the arguments of every server invocation of <paramref name="target"/>.</summary>
    public void On(string target, Action<JsonElement[]> handler) => _handlers[target] = handler;

    /// <summary>Invokes a hub method and answers its result; a hub error becomes <see cref="MindPeekerApiException"/>.</summary>
    public async Task<JsonElement> InvokeAsync(string target, object?[] arguments, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref _nextInvocationId).ToString(CultureInfo.InvariantCulture);
        var completion = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = completion;
        var message = new JsonObject
        {
            ["type"] = HubMessages.Invocation,
            ["invocationId"] = id,
            ["target"] = target,
            ["arguments"] = JsonSerializer.SerializeToNode(arguments, ApiConnection.Json),
        };
        try
        {
            await SendRawAsync(message.ToJsonString() + HubMessages.RecordSeparator, cancellationToken).ConfigureAwait(false);
            return await completion.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_pingTimer is not null)
        {
            await _pingTimer.DisposeAsync().ConfigureAwait(false);
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5), _time);
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
            {
                // The server is gone already; nothing to say goodbye to.
            }
        }

        _socket.Abort();
        await _receiveLoop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _socket.Dispose();
        _sendLock.Dispose();
        _stopping.Dispose();
        _closed.TrySetResult();
    }

    private void SendPing() => _ = PingAsync();

    private async Task PingAsync()
    {
        try
        {
            await SendRawAsync(HubMessages.Ping, _stopping.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The receive loop notices a dead socket and ends the connection.
        }
    }

    private async Task SendRawAsync(string text, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private async Task ReceiveAsync(HubMessageReader reader)
    {
        Exception? failure = null;
        try
        {
            while (await reader.ReadAsync(_stopping.Token).ConfigureAwait(false) is { } message)
            {
                using (message)
                {
                    if (Dispatch(message.RootElement) is { } closedWith)
                    {
                        failure = closedWith;
                        break;
                    }
                }
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or JsonException)
        {
            failure = _stopping.IsCancellationRequested ? null : exception;
        }

        var ended = failure ?? new WebSocketException("The hub connection closed.");
        foreach (var pending in _pending.Values)
        {
            pending.TrySetException(ended);
        }

        if (failure is null)
        {
            _closed.TrySetResult();
        }
        else
        {
            _closed.TrySetException(failure);
        }
    }

    /// <summary>Handles one message; answers an exception when the server closed the connection.</summary>
    private WebSocketException? Dispatch(JsonElement message)
    {
        switch (message.GetProperty("type").GetInt32())
        {
            case HubMessages.Invocation:
                if (message.TryGetProperty("target", out var target) && _handlers.TryGetValue(target.GetString() ?? string.Empty, out var handler))
                {
                    handler([.. message.GetProperty("arguments").EnumerateArray().Select(a => a.Clone())]);
                }

                return null;
            case HubMessages.Completion:
                if (_pending.TryGetValue(message.GetProperty("invocationId").GetString() ?? string.Empty, out var completion))
                {
                    if (message.TryGetProperty("error", out var error))
                    {
                        completion.TrySetException(new MindPeekerApiException($"The hub answered: {error.GetString()}"));
                    }
                    else
                    {
                        completion.TrySetResult(message.TryGetProperty("result", out var result) ? result.Clone() : default);
                    }
                }

                return null;
            case HubMessages.Close:
                return new WebSocketException(message.TryGetProperty("error", out var reason) ? $"The hub closed the connection: {reason.GetString()}" : "The hub closed the connection.");
            default:
                return null;
        }
    }
}
