namespace MindPeeker.Grains.Outbound;

/// <summary>
/// <c>Outbound</c>: how the silo calls user-supplied URLs (webhook endpoints, AI providers, integrations).
/// Validated on start by <see cref="OutboundHttpOptionsValidator"/>.
/// </summary>
public sealed class OutboundHttpOptions
{
    public const string Section = "Outbound";

    /// <summary>
    /// Development only: lets loopback addresses (127.0.0.0/8, ::1 and their IPv4-mapped forms), and only those,
    /// through the address policy, so a receiver on the developer's machine can be reached. Default false; the
    /// silo logs a warning at start when it is on.
    /// </summary>
    public bool AllowLoopbackTargets { get; set; }

    /// <summary>Whole-request timeout of clients from <see cref="OutboundHttpClientFactory.CreateClient(TimeSpan?)"/> unless the caller passes another. Default 15 s.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Time allowed for resolving a host and opening the TCP connection. Default 5 s.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a pooled connection is reused before it is closed; a new connection resolves the name and checks the
    /// address again, so this bounds how long a DNS change goes unnoticed. Default 1 minute.
    /// </summary>
    public TimeSpan PooledConnectionLifetime { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Most response header bytes accepted, in KiB. Default 64.</summary>
    public int MaxResponseHeadersKiB { get; set; } = 64;
}
