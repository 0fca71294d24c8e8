using System.Net;
using Microsoft.AspNetCore.Http;

namespace MindPeeker.ApiFrontend.Security;

/// <summary>The client's address as allowlists see it: IPv4-mapped IPv6 addresses read as IPv4.</summary>
internal static class ClientAddress
{
    public static IPAddress? Of(HttpContext context) => Normalize(context.Connection.RemoteIpAddress);

    public static IPAddress? Normalize(IPAddress? address) =>
        address is { IsIPv4MappedToIPv6: true } ? address.MapToIPv4() : address;
}
