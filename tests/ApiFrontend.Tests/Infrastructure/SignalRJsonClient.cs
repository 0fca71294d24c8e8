using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;

namespace MindPeeker.ApiFrontend.Tests.Infrastructure;

/// <summary>
/// A SignalR client for in-process tests: the JSON hub protocol spoken by hand over the test server's WebSocket,
/// because the .NET SignalR client package is not obtainable here. It covers the handshake, invocations with their
/// completions (type 1 → 3), stream invocations (type 4 → items of type 2 → completion of type 3, cancelled with
/// type 5) and server-to-client invocations, queued per target name in arrival order. Records end with 0x1E.
/// Every wait gives up after <see cref="Patience"/> (30 s). Methods may be called from several threads at once,
/// but each target's queue and each stream should have one reader.
/// </summary>
internal sealed class SignalRJsonClient : IAsyncDisposable
{
    /// <summary>How long any wait (connect, handshake, completion, next message or stream item) lasts before failing.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private const char RecordSeparator = '\u001e';

    private readonly WebSocket _socket;
    private readonly Dictionary<string, TaskCompletionSource<JsonElement>> _pending = [];
    private readonly Dictionary<string, Channel<JsonElement>> _streams = [];
    private readonly ConcurrentDictionary<string, Channel<JsonElement>> _targets = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _closing = new();
    private Task _receiving = Task.CompletedTask;
    private int _nextInvocationId;

    private SignalRJsonClient(WebSocket socket) => _socket = socket;

    /// <summary>Completes when the server has closed the connection (or the client was disposed).</summary>
    public Task Closed => _receiving;

    /// <summary>
    /// Opens a WebSocket to <paramref name="path"/> + <paramref name="query"/> (for example <c>?access_token=...</c>) and
    /// completes the handshake. <paramref name="configure"/> sets credentials (such as the <c>Authorization</c> header)
    /// on the upgrade request. Throws <see cref="InvalidOperationException"/> naming the status code when the upgrade
    /// is refused, and <see cref="HubInvocationException"/> when the handshake is.
    /// </summary>
    public static async Task<SignalRJsonClient> ConnectAsync<TEntryPoint>(
        WebApplicationFactory<TEntryPoint> factory, string path, Action<HttpRequest>? configure = null, string query = "")
        where TEntryPoint : class
    {
        var webSockets = factory.Server.CreateWebSocketClient();
        webSockets.ConfigureRequest = request => configure?.Invoke(request);
        var socket = await webSockets.ConnectAsync(new Uri("ws://localhost" + path + query), CancellationToken.None).WaitAsync(Patience);
        var client = new SignalRJsonClient(socket);
        await client.HandshakeAsync();
        return client;
    }

    /// <summary>Calls a hub method and returns its result, or throws <see cref="HubInvocationException"/> with the server's error.</summary>
    public async Task<JsonElement> InvokeAsync(string method, params object?[] arguments)
    {
        var id = NextInvocationId();
        var completion = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            _pending[id] = completion;
        }

        await SendAsync(new { type = 1, invocationId = id, target = method, arguments });
        return await completion.Task.WaitAsync(Patience);
    }

    /// <summary>
    /// Starts a streaming hub method: the stream invocation is sent before this returns, so the server streams from
    /// now on. Items are buffered until read; see <see cref="HubStream"/>.
    /// </summary>
    public async Task<HubStream> StreamAsync(string method, params object?[] arguments)
    {
        var id = NextInvocationId();
        var items = Channel.CreateUnbounded<JsonElement>();
        lock (_lock)
        {
            _streams[id] = items;
        }

        await SendAsync(new { type = 4, invocationId = id, target = method, arguments });
        return new HubStream(method, items.Reader, () => CancelStreamAsync(id));
    }

    /// <summary>The first argument of the oldest not yet read server-to-client invocation of <paramref name="target"/>.</summary>
    public async Task<JsonElement> NextAsync(string target)
    {
        using var timeout = new CancellationTokenSource(Patience);
        return await Queue(target).Reader.ReadAsync(timeout.Token);
    }

    /// <summary>Reads messages of <paramref name="target"/> until one satisfies <paramref name="last"/>; returns them all, that one included.</summary>
    public async Task<IReadOnlyList<JsonElement>> NextUntilAsync(string target, Func<JsonElement, bool> last)
    {
        var messages = new List<JsonElement>();
        while (true)
        {
            var message = await NextAsync(target);
            messages.Add(message);
            if (last(message))
            {
                return messages;
            }
        }
    }

    /// <summary>Closes the socket and waits for the receive loop to end.</summary>
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

    private string NextInvocationId() => Interlocked.Increment(ref _nextInvocationId).ToString(CultureInfo.InvariantCulture);

    private Channel<JsonElement> Queue(string target) => _targets.GetOrAdd(target, _ => Channel.CreateUnbounded<JsonElement>());

    private async Task CancelStreamAsync(string id)
    {
        bool running;
        lock (_lock)
        {
            running = _streams.Remove(id);
        }

        if (running && !_closing.IsCancellationRequested && _socket.State == WebSocketState.Open)
        {
            try
            {
                await SendAsync(new { type = 5, invocationId = id });
            }
            catch (WebSocketException)
            {
                // The server went away; the stream is over anyway.
            }
        }
    }

    private async Task HandshakeAsync()
    {
        await SendRawAsync("{\"protocol\":\"json\",\"version\":1}" + RecordSeparator);
        var buffer = new ArrayBufferWriter<byte>();
        var response = (await ReceiveRecordsAsync(buffer).WaitAsync(Patience)).First();
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
            foreach (var queue in _targets.Values)
            {
                queue.Writer.TryComplete();
            }

            lock (_lock)
            {
                foreach (var pending in _pending.Values)
                {
                    pending.TrySetException(new HubInvocationException("The connection closed."));
                }

                foreach (var stream in _streams.Values)
                {
                    stream.Writer.TryComplete(new HubInvocationException("The connection closed."));
                }
            }
        }
    }

    private void Dispatch(JsonElement message)
    {
        switch (message.GetProperty("type").GetInt32())
        {
            case 1:
                Queue(message.GetProperty("target").GetString()!).Writer.TryWrite(message.GetProperty("arguments")[0]);
                break;
            case 2:
                Channel<JsonElement>? items;
                lock (_lock)
                {
                    _streams.TryGetValue(message.GetProperty("invocationId").GetString()!, out items);
                }

                items?.Writer.TryWrite(message.GetProperty("item"));
                break;
            case 3:
                Complete(message);
                break;
        }
    }

    private void Complete(JsonElement message)
    {
        var id = message.GetProperty("invocationId").GetString()!;
        TaskCompletionSource<JsonElement>? completion;
        Channel<JsonElement>? stream;
        lock (_lock)
        {
            _pending.Remove(id, out completion);
            _streams.Remove(id, out stream);
        }

        var error = message.TryGetProperty("error", out var text) ? new HubInvocationException(text.GetString()!) : null;
        if (error is not null)
        {
            completion?.TrySetException(error);
        }
        else
        {
            completion?.TrySetResult(message.TryGetProperty("result", out var result) ? result : default);
        }

        stream?.Writer.TryComplete(error);
    }

    /// <summary>Receives until at least one whole record arrived; an empty list when the socket closed.</summary>
    private async Task<IReadOnlyList<string>> ReceiveRecordsAsync(ArrayBufferWriter<byte> buffer)
    {
        var records = new List<string>();
        while (records.Count == 0)
        {
            var result = await _socket.ReceiveAsync(buffer.GetMemory(64 * 1024), _closing.Token);
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
