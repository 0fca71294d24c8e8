using Microsoft.Extensions.Logging;

namespace MindPeeker.Grains.Observability;

/// <summary>Log events of the silo's domain metrics (9050–9069).</summary>
internal static partial class DomainMetricsLog
{
    [LoggerMessage(EventId = 9050, Level = LogLevel.Warning, Message = "Counting users per tier for user_tier_distribution failed; the previous counts stay exported")]
    public static partial void UserTierCountFailed(ILogger logger, Exception exception);
}
