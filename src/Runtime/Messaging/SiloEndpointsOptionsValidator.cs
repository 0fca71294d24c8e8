using System.Net;
using Microsoft.Extensions.Options;

namespace MindPeeker.Runtime.Messaging;

/// <summary>Rejects a listen address that is not an IP address and an advertised host that is blank or a wildcard.</summary>
internal sealed class SiloEndpointsOptionsValidator : IValidateOptions<SiloEndpointsOptions>
{
    public ValidateOptionsResult Validate(string? name, SiloEndpointsOptions options)
    {
        if (!IPAddress.TryParse(options.ListenAddress, out _))
        {
            return ValidateOptionsResult.Fail($"Silo:Endpoints:ListenAddress '{options.ListenAddress}' is not an IP address (use 0.0.0.0 for every interface).");
        }

        if (options.AdvertisedHost is { } host
            && (string.IsNullOrWhiteSpace(host) || host.Contains(':', StringComparison.Ordinal) && !IPAddress.TryParse(host, out _)
                || IPAddress.TryParse(host, out var ip) && (ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any))))
        {
            return ValidateOptionsResult.Fail($"Silo:Endpoints:AdvertisedHost '{host}' must be a host name or a specific IP address other processes can reach.");
        }

        return ValidateOptionsResult.Success;
    }
}
