using Microsoft.Extensions.Logging;

namespace MindPeeker.Runtime.Cluster.Hosting;

internal static partial class ClusterHostingLog
{
    [LoggerMessage(EventId = 8460, Level = LogLevel.Warning, Message = "Purging directory rows of dead silos failed; the next membership change retries.")]
    public static partial void PurgeFailed(ILogger logger, Exception exception);
}
