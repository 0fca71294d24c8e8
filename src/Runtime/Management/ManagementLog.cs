using Microsoft.Extensions.Logging;

namespace MindPeeker.Runtime.Management;

internal static partial class ManagementLog
{
    [LoggerMessage(EventId = 9300, Level = LogLevel.Warning, Message = "The silo control handler {Name} failed.")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string name);

    [LoggerMessage(EventId = 9301, Level = LogLevel.Debug, Message = "Silo {Silo} did not answer the silo control request {Name}: {Reason}")]
    public static partial void SiloDidNotAnswer(ILogger logger, string silo, string name, string reason);
}
