using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace MindPeeker.Runtime.Cluster;

/// <summary>
/// Where a silo listens plus the generation it started with, printed <c>host:port@generation</c>
/// (Orleans prints <c>S{ip}:{port}:{generation}</c>). A restarted silo on the same endpoint has a new
/// generation, so it is a different silo: calls, votes and directory rows of the old one never reach it.
/// Immutable; equality is by all three parts.
/// </summary>
public sealed record SiloAddress(string Host, int Port, int Generation)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Host}:{Port}@{Generation}");

    /// <summary>The <c>host:port</c> part, for connecting.</summary>
    public string Endpoint => string.Create(CultureInfo.InvariantCulture, $"{Host}:{Port}");

    public static SiloAddress Parse(string value) =>
        TryParse(value, out var address) ? address : throw new FormatException($"'{value}' is not a silo address of the form 'host:port@generation'.");

    public static bool TryParse(string? value, [NotNullWhen(true)] out SiloAddress? address)
    {
        address = null;
        if (value is null)
        {
            return false;
        }

        var at = value.LastIndexOf('@');
        var colon = at > 0 ? value.LastIndexOf(':', at - 1) : -1;
        if (colon <= 0
            || !int.TryParse(value.AsSpan(colon + 1, at - colon - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            || port is <= 0 or > 65535
            || !int.TryParse(value.AsSpan(at + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var generation))
        {
            return false;
        }

        address = new SiloAddress(value[..colon], port, generation);
        return true;
    }
}
