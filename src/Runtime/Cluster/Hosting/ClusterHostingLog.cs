using Microsoft.Extensions.Logging;

namespace MindPeeker.Runtime.Cluster.Hosting;

internal static partial class ClusterHostingLog
{
    [LoggerMessage(EventId = 8460, Level = LogLevel.Warning, Message = "Purging directory rows of dead silos failed; the next membership change retries.")]
    public static partial void PurgeFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 8461, Level = LogLevel.Warning, Message = "While leaving the cluster, could not {Step}; continuing the shutdown.")]
    public static partial void LeaveStepFailed(ILogger logger, Exception exception, string step);
}
