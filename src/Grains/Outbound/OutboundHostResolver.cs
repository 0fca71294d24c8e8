using System.Net;

namespace MindPeeker.Grains.Outbound;

/// <summary>
/// Resolves host names for outbound connections. The connection code resolves once, checks every answer against
/// <see cref="OutboundAddressPolicy"/> and connects to exactly those addresses, so what was checked is what is
/// reached. <see cref="DnsHostResolver"/> asks the system resolver; tests substitute answers to exercise DNS
/// rebinding. Implementations must be thread safe.
/// </summary>
public abstract class OutboundHostResolver
{
    /// <summary>The addresses <paramref name="host"/> resolves to now; empty when it does not resolve.</summary>
    public abstract Task<IReadOnlyList<IPAddress>> ResolveAsync(string host, CancellationToken cancellationToken);
}
