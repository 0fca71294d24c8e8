using System.Buffers;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Mvc.Testing;

namespace MindPeeker.ApiFrontend.Tests.Dashboard.Domain;

/// <summary>
/// A client of the admin hub for in-process tests: the SignalR JSON protocol (handshake, a <c>StreamLogs</c> stream
/// invocation, stream items and the completion, server pushes; records ended by 0x1E) spoken by hand over the test
/// server's WebSocket, since the .NET SignalR client package is not obtainable here. Pushes are kept by target.
/// </summary>
internal sealed class AdminLogStream : IAsyncDisposable
{
    private const char RecordSeparator = '\u001e';
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly WebSocket _socket;
    private readonly Channel<JsonElement> _items = Channel.CreateUnbounded<JsonElement>();
    private readonly Channel<(string Target, JsonElement Payload)> _pushes = Channel.CreateUnbounded<(string, JsonElement)>();
    private readonly CancellationTokenSource _closing = new();
    private Task _receiving = Task.CompletedTask;

    private AdminLogStream(WebSocket socket) => _socket = socket;

    /// <summary>Connects to <c>/v1/admin/ws</c> as the holder of <paramref name="accessToken"/> and starts <c>StreamLogs(filter)</c>.</summary>
    public static async Task<AdminLogStream> OpenAsync<TEntryPoint>(WebApplicationFactory<TEntryPoint> factory, string accessToken, object filter)
        where TEntryPoint : class
    {
        var client = factory.Server.CreateWebSocketClient();
        client.ConfigureRequest = request => request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken).ToString();
        var socket = await client.ConnectAsync(new Uri("ws://localhost/v1/admin/ws"), CancellationToken.None).WaitAsync(Patience);
        var stream = new AdminLogStream(socket);
        await stream.SendAsync("{\"protocol\":\"json\",\"version\":1}");
        var buffer = new ArrayBufferWriter<byte>();
        var handshake = (await stream.ReceiveRecordsAsync(buffer)).First();
        JsonDocument.Parse(handshake).RootElement.TryGetProperty("error", out _).Should().BeFalse(handshake);
        stream._receiving = stream.ReceiveLoopAsync(buffer);
        await stream.SendAsync(JsonSerializer.Serialize(new { type = 4, invocationId = "logs", target = "StreamLogs", arguments = new[] { filter } }));
        return stream;
    }

    /// <summary>Stream items until one satisfies <paramref name="match"/>; fails after 30 s or when the stream ends.</summary>
    public async Task<IReadOnlyList<JsonElement>> ReadUntilAsync(Func<JsonElement, bool> match)
    {
        var seen = new List<JsonElement>();
        using var timeout = new CancellationTokenSource(Patience);
        while (true)
        {
            var item = await _items.Reader.ReadAsync(timeout.Token);
            seen.Add(item);
            if (match(item))
            {
                return seen;
            }
        }
    }

    /// <summary>The first push of <paramref name="target"/> (for example <c>dashboard_webhooks</c>) from now on; fails after 30 s.</summary>
    public async Task<JsonElement> NextPushAsync(string target)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (true)
        {
            var push = await _pushes.Reader.ReadAsync(timeout.Token);
            if (push.Target == target)
            {
                return push.Payload;
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
                // The server may already have gone away.
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
                    var message = JsonDocument.Parse(record).RootElement.Clone();
                    switch (message.GetProperty("type").GetInt32())
                    {
                        case 1:
                            _pushes.Writer.TryWrite((message.GetProperty("target").GetString()!, message.GetProperty("arguments")[0]));
                            break;
                        case 2:
                            _items.Writer.TryWrite(message.GetProperty("item"));
                            break;
                        case 3:
                            _items.Writer.TryComplete(message.TryGetProperty("error", out var error)
                                ? new InvalidOperationException("StreamLogs failed: " + error.GetString())
                                : new InvalidOperationException("StreamLogs completed."));
                            break;
                    }
                }
            }
        }
        finally
        {
            _items.Writer.TryComplete();
            _pushes.Writer.TryComplete();
        }
    }

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

    private Task SendAsync(string record) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(record + RecordSeparator), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
}
