using System.Net.WebSockets;
using System.Text;

namespace MindPeeker.Benchmarks.DashboardOverhead;

/// <summary>
/// One connected dashboard: a SignalR JSON-protocol client on <c>/v1/admin/ws</c> over a real WebSocket that reads
/// (and counts) every <c>dashboard_snapshot</c> the server pushes, as a browser tab would.
/// </summary>
internal sealed class AdminHubListener : IAsyncDisposable
{
    private const char RecordSeparator = '\u001e';

    private readonly ClientWebSocket _socket = new();
    private readonly CancellationTokenSource _closing = new();
    private Task _receiving = Task.CompletedTask;
    private long _snapshots;

    /// <summary><c>dashboard_snapshot</c> messages received so far.</summary>
    public long Snapshots => Interlocked.Read(ref _snapshots);

    public static async Task<AdminHubListener> ConnectAsync(Uri baseAddress, string accessToken)
    {
        var listener = new AdminHubListener();
        var uri = new UriBuilder(baseAddress) { Scheme = "ws", Path = "/v1/admin/ws", Query = "access_token=" + Uri.EscapeDataString(accessToken) }.Uri;
        await listener._socket.ConnectAsync(uri, CancellationToken.None);
        await listener._socket.SendAsync(Encoding.UTF8.GetBytes("{\"protocol\":\"json\",\"version\":1}" + RecordSeparator), WebSocketMessageType.Text, true, CancellationToken.None);
        listener._receiving = listener.ReceiveAsync();
        return listener;
    }

    public async ValueTask DisposeAsync()
    {
        await _closing.CancelAsync();
        try
        {
            await _receiving;
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException)
        {
            // Closing.
        }

        _socket.Dispose();
        _closing.Dispose();
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[256 * 1024];
        var marker = "\"target\":\"dashboard_snapshot\""u8.ToArray();
        while (!_closing.IsCancellationRequested)
        {
            var result = await _socket.ReceiveAsync(buffer, _closing.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return;
            }

            if (buffer.AsSpan(0, result.Count).IndexOf(marker) >= 0)
            {
                Interlocked.Increment(ref _snapshots);
            }
        }
    }
}
