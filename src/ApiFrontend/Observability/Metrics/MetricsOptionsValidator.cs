using System.Net;
using Microsoft.Extensions.Options;

namespace MindPeeker.ApiFrontend.Observability.Metrics;

/// <summary>Checks that <see cref="MetricsOptions.InternalAddress"/> is an IP address.</summary>
internal sealed class MetricsOptionsValidator : IValidateOptions<MetricsOptions>
{
    public ValidateOptionsResult Validate(string? name, MetricsOptions options) =>
        IPAddress.TryParse(options.InternalAddress, out _)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Metrics:InternalAddress '{options.InternalAddress}' is not an IP address (use 0.0.0.0 for every interface, 127.0.0.1 for loopback only).");
}
