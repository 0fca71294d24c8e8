using Microsoft.Extensions.Options;

namespace MindPeeker.Grains.Outbound;

/// <summary>
/// Makes the <see cref="HttpClient"/>s with which the silo calls user-supplied URLs (webhook deliveries, AI
/// providers, integrations). All of them share one SSRF-guarded <see cref="SocketsHttpHandler"/>: every new
/// connection resolves the host itself, checks every address with <see cref="OutboundAddressPolicy"/> and connects
/// to the checked address; redirects are never followed (a 3xx is returned to the caller); no proxy, no cookies.
/// A singleton; thread safe; clients are cheap and may be kept or disposed freely (the handler is not disposed
/// with them).
/// </summary>
public sealed class OutboundHttpClientFactory : IDisposable
{
    private readonly OutboundHttpOptions _options;
    private readonly OutboundConnector _connector;
    private readonly SocketsHttpHandler _sharedHandler;

    public OutboundHttpClientFactory(IOptions<OutboundHttpOptions> options, OutboundHostResolver resolver, OutboundAddressPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _connector = new OutboundConnector(resolver, policy);
        _sharedHandler = CreateHandler();
    }

    /// <summary>
    /// A client over the shared guarded handler with <paramref name="timeout"/> as its whole-request timeout
    /// (default <see cref="OutboundHttpOptions.RequestTimeout"/>, 15 s). A refused destination surfaces as an
    /// <see cref="HttpRequestException"/> around an <see cref="OutboundDestinationBlockedException"/>.
    /// </summary>
    public HttpClient CreateClient(TimeSpan? timeout = null) =>
        new(_sharedHandler, disposeHandler: false) { Timeout = timeout ?? _options.RequestTimeout };

    /// <summary>
    /// A new guarded handler of the caller's own (its own connection pool), for code that must configure or own
    /// one, e.g. a per-provider client; the caller disposes it. Do not turn redirects or proxies back on.
    /// </summary>
    public SocketsHttpHandler CreateHandler() => new()
    {
        AllowAutoRedirect = false,
        UseProxy = false,
        UseCookies = false,
        ConnectTimeout = _options.ConnectTimeout,
        PooledConnectionLifetime = _options.PooledConnectionLifetime,
        MaxResponseHeadersLength = _options.MaxResponseHeadersKiB,
        ConnectCallback = _connector.ConnectAsync,
    };

    public void Dispose() => _sharedHandler.Dispose();
}
