using System.Net;
using System.Net.Sockets;

namespace MindPeeker.Grains.Outbound;

/// <summary>
/// The <see cref="SocketsHttpHandler.ConnectCallback"/> of outbound handlers: resolves the host once through
/// <see cref="OutboundHostResolver"/>, refuses the connection when ANY answer is blocked by
/// <see cref="OutboundAddressPolicy"/> (a name that also points inward is not trusted), and connects to the
/// checked addresses themselves, in order, with no second lookup (so DNS rebinding cannot swap the target).
/// Thread safe.
/// </summary>
internal sealed class OutboundConnector(OutboundHostResolver resolver, OutboundAddressPolicy policy)
{
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var endPoint = context.DnsEndPoint;
        var addresses = await ResolveCheckedAsync(endPoint.Host, cancellationToken).ConfigureAwait(false);
        SocketException? lastFailure = null;
        foreach (var checkedAddress in addresses)
        {
            // A mapped address is the IPv4 address it embeds (and was judged as such); reach it over IPv4.
            var address = checkedAddress.IsIPv4MappedToIPv6 ? checkedAddress.MapToIPv4() : checkedAddress;
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, endPoint.Port), cancellationToken).ConfigureAwait(false);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException e)
            {
                socket.Dispose();
                lastFailure = e;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw lastFailure ?? new SocketException((int)SocketError.HostNotFound);
    }

    /// <summary>The addresses of <paramref name="host"/>, all of them allowed; throws <see cref="OutboundDestinationBlockedException"/> otherwise.</summary>
    public async Task<IReadOnlyList<IPAddress>> ResolveCheckedAsync(string host, CancellationToken cancellationToken)
    {
        var literal = host.Trim('[', ']');
        IReadOnlyList<IPAddress> addresses = IPAddress.TryParse(literal, out var address)
            ? [address]
            : await resolver.ResolveAsync(host, cancellationToken).ConfigureAwait(false);
        if (addresses.Count == 0)
        {
            throw new OutboundDestinationBlockedException($"The host {host} does not resolve to any address.");
        }

        foreach (var candidate in addresses)
        {
            if (!policy.IsAllowed(candidate, out var reason))
            {
                throw new OutboundDestinationBlockedException(
                    ReferenceEquals(candidate, address) ? $"The destination is refused: {reason}" : $"The host {host} resolves to a refused address: {reason}");
            }
        }

        return addresses;
    }
}
