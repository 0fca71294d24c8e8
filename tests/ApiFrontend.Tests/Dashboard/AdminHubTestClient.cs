using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Mvc.Testing;

namespace MindPeeker.ApiFrontend.Tests.Dashboard;

/// <summary>
/// A SignalR JSON-protocol client for the admin hub (<c>/v1/admin/ws</c>) over the test server's WebSocket, written
/// by hand because the .NET SignalR client package is not obtainable here: handshake, then every server-to-client
/// invocation is queued as (target, first argument).
/// </summary>
internal sealed class AdminHubTestClient : IAsyncDisposable
{
    private const char RecordSeparator = '\u001e';
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly WebSocket _socket;
    private readonly Channel<(string Target, JsonElement Argument)> _messages = Channel.CreateUnbounded<(string, JsonElement)>();
    private readonly CancellationTokenSource _closing = new();
    private Task _receiving = Task.CompletedTask;

    private AdminHubTestClient(WebSocket socket) => _socket = socket;

    /// <summary>Connects with <paramref name="query"/> (e.g. <c>?access_token=...</c>); throws when the upgrade is refused.</summary>
    public static async Task<AdminHubTestClient> ConnectAsync<TEntryPoint>(WebApplicationFactory<TEntryPoint> factory, string query)
        where TEntryPoint : class
    {
        var socket = await factory.Server.CreateWebSocketClient().ConnectAsync(new Uri("ws://localhost/v1/admin/ws" + query), CancellationToken.None).WaitAsync(Patience);
        var client = new AdminHubTestClient(socket);
        await client.SendAsync("{\"protocol\":\"json\",\"version\":1}" + RecordSeparator);
        var buffer = new ArrayBufferWriter<byte>();
        var handshake = (await client.ReceiveRecordsAsync(buffer)).First();
        if (handshake.Contains("\"error\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("Handshake refused: " + handshake);
        }

        client._receiving = client.ReceiveLoopAsync(buffer);
        return client;
    }

    /// <summary>The argument of the next message named <paramref name="target"/> (others are skipped).</summary>
    public async Task<JsonElement> NextAsync(string target)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (true)
        {
            var (name, argument) = await _messages.Reader.ReadAsync(timeout.Token);
            if (name == target)
            {
                return argument;
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
                // The server already went away.
            }
        }

        try
        {
            await _receiving;
        }
        catch (OperationCanceledException)
        {
            // The receive loop ends with the closing token.
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
                    if (message.GetProperty("type").GetInt32() == 1)
                    {
                        _messages.Writer.TryWrite((message.GetProperty("target").GetString()!, message.GetProperty("arguments")[0]));
                    }
                }
            }
        }
        finally
        {
            _messages.Writer.TryComplete();
        }
    }

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

    private Task SendAsync(string text) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
}
