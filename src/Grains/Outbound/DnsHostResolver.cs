using System.Net;
using System.Net.Sockets;

namespace MindPeeker.Grains.Outbound;

/// <summary>Resolves through the operating system's resolver (<see cref="Dns.GetHostAddressesAsync(string, CancellationToken)"/>). Thread safe.</summary>
public sealed class DnsHostResolver : OutboundHostResolver
{
    public override async Task<IReadOnlyList<IPAddress>> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(host);
        try
        {
            return await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException)
        {
            return [];
        }
    }
}
