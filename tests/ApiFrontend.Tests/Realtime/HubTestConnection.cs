using System.Buffers;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Mvc.Testing;

namespace MindPeeker.ApiFrontend.Tests.Realtime;

/// <summary>
/// A SignalR client for in-process tests: the JSON hub protocol (handshake, invocations, completions,
/// records ended by 0x1E) spoken by hand over the test server's WebSocket, because the .NET SignalR
/// client package is not obtainable here. Server-to-client invocations are queued per method name.
/// </summary>
internal sealed class HubTestConnection : IAsyncDisposable
{
    private const char RecordSeparator = '\u001e';
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly WebSocket _socket;
    private readonly Dictionary<string, TaskCompletionSource<JsonElement>> _pending = [];
    private readonly Channel<JsonElement> _updates = Channel.CreateUnbounded<JsonElement>();
    private readonly Lock _lock = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _closing = new();
    private Task _receiving = Task.CompletedTask;
    private int _nextInvocationId;

    private HubTestConnection(WebSocket socket) => _socket = socket;

    /// <summary>Connects to <c>/v1/ws</c>; <paramref name="configure"/> sets credentials on the upgrade request.</summary>
    public static async Task<HubTestConnection> ConnectAsync<TEntryPoint>(
        WebApplicationFactory<TEntryPoint> factory, Action<Microsoft.AspNetCore.Http.HttpRequest>? configure = null, string query = "")
        where TEntryPoint : class
    {
        var client = factory.Server.CreateWebSocketClient();
        client.ConfigureRequest = request => configure?.Invoke(request);
        var socket = await client.ConnectAsync(new Uri("ws://localhost/v1/ws" + query), CancellationToken.None).WaitAsync(Patience);
        var connection = new HubTestConnection(socket);
        await connection.HandshakeAsync();
        return connection;
    }

    /// <summary>Calls a hub method and returns its result, or throws <see cref="HubInvocationException"/> with the server's error.</summary>
    public async Task<JsonElement> InvokeAsync(string method, params object?[] arguments)
    {
        var id = Interlocked.Increment(ref _nextInvocationId).ToString(CultureInfo.InvariantCulture);
        var completion = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            _pending[id] = completion;
        }

        await SendAsync(new { type = 1, invocationId = id, target = method, arguments });
        return await completion.Task.WaitAsync(Patience);
    }

    /// <summary>Completes when the server has closed the connection.</summary>
    public Task Closed => _receiving;

    /// <summary>The next <c>session_update</c> the server sent, in arrival order.</summary>
    public async Task<JsonElement> NextUpdateAsync() => await _updates.Reader.ReadAsync().AsTask().WaitAsync(Patience);

    /// <summary>Reads updates until one satisfies <paramref name="last"/>; returns them all, that one included.</summary>
    public async Task<IReadOnlyList<JsonElement>> UpdatesUntilAsync(Func<JsonElement, bool> last)
    {
        var updates = new List<JsonElement>();
        while (true)
        {
            var update = await NextUpdateAsync();
            updates.Add(update);
            if (last(update))
            {
                return updates;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _closing.CancelAsync();
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
            }
            catch (WebSocketException)
            {
                // The server may already have gone away; there is nothing left to close.
            }
        }

        try
        {
            await _receiving;
        }
        catch (OperationCanceledException)
        {
            // Expected: the receive loop ends with the closing token.
        }

        _socket.Dispose();
        _closing.Dispose();
        _sendLock.Dispose();
    }

    private async Task HandshakeAsync()
    {
        await SendRawAsync("{\"protocol\":\"json\",\"version\":1}" + RecordSeparator);
        var buffer = new ArrayBufferWriter<byte>();
        var response = (await ReceiveRecordsAsync(buffer)).First();
        using var document = JsonDocument.Parse(response);
        if (document.RootElement.TryGetProperty("error", out var error))
        {
            throw new HubInvocationException(error.GetString() ?? "handshake failed");
        }

        _receiving = ReceiveLoopAsync(buffer);
    }

    private async Task ReceiveLoopAsync(ArrayBufferWriter<byte> buffer)
    {
        try
        {
            while (!_closing.IsCancellationRequested)
            {
                var records = await ReceiveRecordsAsync(buffer);
                if (records.Count == 0)
                {
                    break;
                }

                foreach (var record in records)
                {
                    Dispatch(JsonDocument.Parse(record).RootElement.Clone());
                }
            }
        }
        finally
        {
            _updates.Writer.TryComplete();
            lock (_lock)
            {
                foreach (var pending in _pending.Values)
                {
                    pending.TrySetException(new HubInvocationException("The connection closed."));
                }
            }
        }
    }

    private void Dispatch(JsonElement message)
    {
        switch (message.GetProperty("type").GetInt32())
        {
            case 1 when message.GetProperty("target").GetString() == "session_update":
                _updates.Writer.TryWrite(message.GetProperty("arguments")[0]);
                break;
            case 3:
                TaskCompletionSource<JsonElement>? completion;
                lock (_lock)
                {
                    _pending.Remove(message.GetProperty("invocationId").GetString()!, out completion);
                }

                if (message.TryGetProperty("error", out var error))
                {
                    completion?.TrySetException(new HubInvocationException(error.GetString()!));
                }
                else
                {
                    completion?.TrySetResult(message.TryGetProperty("result", out var result) ? result : default);
                }

                break;
        }
    }

    /// <summary>Receives until at least one whole record arrived; an empty list when the socket closed.</summary>
    private async Task<IReadOnlyList<string>> ReceiveRecordsAsync(ArrayBufferWriter<byte> buffer)
    {
        var records = new List<string>();
        while (records.Count == 0)
        {
            var result = await _socket.ReceiveAsync(buffer.GetMemory(16 * 1024), _closing.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return records;
            }

            buffer.Advance(result.Count);
            var written = buffer.WrittenSpan;
            var end = written.LastIndexOf((byte)RecordSeparator);
            if (end < 0)
            {
                continue;
            }

            records.AddRange(Encoding.UTF8.GetString(written[..end]).Split(RecordSeparator));
            var rest = written[(end + 1)..].ToArray();
            buffer.Clear();
            buffer.Write(rest);
        }

        return records;
    }

    private Task SendAsync(object message) => SendRawAsync(JsonSerializer.Serialize(message) + RecordSeparator);

    private async Task SendRawAsync(string text)
    {
        await _sendLock.WaitAsync();
        try
        {
            await _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        }
        finally
        {
            _sendLock.Release();
        }
    }
}

/// <summary>An error the hub answered to an invocation (a <c>HubException</c>'s message on the server).</summary>
internal sealed class HubInvocationException(string message) : Exception(message);
