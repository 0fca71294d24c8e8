using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;

namespace MindPeeker.Sdk.Tests.Webhooks;

/// <summary>A real HTTP receiver on a free loopback port that answers 204 and hands over each POST (headers and raw body).</summary>
internal sealed class WebhookReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Channel<Delivery> _deliveries = Channel.CreateUnbounded<Delivery>();

    public WebhookReceiver()
    {
        var port = FreePort();
        Url = new Uri($"http://127.0.0.1:{port}/hooks/");
        _listener.Prefixes.Add(Url.ToString());
        _listener.Start();
        _ = AcceptAsync();
    }

    public Uri Url { get; }

    public async Task<Delivery> NextAsync(TimeSpan timeout) => await _deliveries.Reader.ReadAsync().AsTask().WaitAsync(timeout);

    public void Dispose() => _listener.Close();

    private async Task AcceptAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            var headers = context.Request.Headers.AllKeys.OfType<string>().ToDictionary(k => k, k => context.Request.Headers[k] ?? string.Empty, StringComparer.OrdinalIgnoreCase);
            context.Response.StatusCode = (int)HttpStatusCode.NoContent;
            context.Response.Close();
            await _deliveries.Writer.WriteAsync(new Delivery(headers, body.ToArray()));
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    public sealed record Delivery(IReadOnlyDictionary<string, string> Headers, byte[] Body);
}
