using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace MindPeeker.Runtime.Messaging;

/// <summary>Works out the host other processes should use to reach a listener (see <see cref="SiloEndpointsOptions.AdvertisedHost"/>).</summary>
internal static class AdvertisedHost
{
    public static string Resolve(SiloEndpointsOptions options, IPAddress listenAddress)
    {
        if (!string.IsNullOrWhiteSpace(options.AdvertisedHost))
        {
            return options.AdvertisedHost;
        }

        if (IPAddress.IsLoopback(listenAddress))
        {
            return listenAddress.AddressFamily == AddressFamily.InterNetworkV6 ? "::1" : "127.0.0.1";
        }

        if (!listenAddress.Equals(IPAddress.Any) && !listenAddress.Equals(IPAddress.IPv6Any))
        {
            return listenAddress.ToString();
        }

        return FirstNonLoopbackIPv4()?.ToString() ?? Dns.GetHostName();
    }

    private static IPAddress? FirstNonLoopbackIPv4() =>
        NetworkInterface.GetAllNetworkInterfaces()
            .Where(nic => nic.OperationalStatus == OperationalStatus.Up && nic.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(nic => nic.GetIPProperties().UnicastAddresses)
            .Select(unicast => unicast.Address)
            .FirstOrDefault(address => address.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(address));
}
