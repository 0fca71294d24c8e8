namespace MindPeeker.Grains.Abstractions.Integrations;

/// <summary>
/// The integration's health as its outbound calls (tests, connects, syncs) found it: <see cref="Status"/> is
/// <c>unknown</c> before the first call, <c>healthy</c> after a success, <c>degraded</c> after one or two failures in a row
/// and <c>unhealthy</c> from <see cref="UnhealthyAfter"/> failures in a row. <see cref="LastError"/> never holds secrets.
/// </summary>
public sealed record IntegrationHealth(string Status, DateTimeOffset? LastCheckAt, int ConsecutiveFailures, string? LastError, double? LastLatencyMs)
{
    public const string Unknown = "unknown";
    public const string Healthy = "healthy";
    public const string Degraded = "degraded";
    public const string Unhealthy = "unhealthy";

    /// <summary>Consecutive failures from which the integration is <see cref="Unhealthy"/>.</summary>
    public const int UnhealthyAfter = 3;

    public static IntegrationHealth None { get; } = new(Unknown, null, 0, null, null);

    /// <summary>The status that <paramref name="consecutiveFailures"/> failures in a row (0: the last call worked) mean.</summary>
    public static string StatusFor(int consecutiveFailures) => consecutiveFailures switch
    {
        0 => Healthy,
        < UnhealthyAfter => Degraded,
        _ => Unhealthy,
    };
}
