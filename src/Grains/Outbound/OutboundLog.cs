using Microsoft.Extensions.Logging;

namespace MindPeeker.Grains.Outbound;

/// <summary>Log events of outbound HTTP (ids 6050–6099).</summary>
internal static partial class OutboundLog
{
    [LoggerMessage(EventId = 6050, Level = LogLevel.Warning, Message = "!!! Outbound:AllowLoopbackTargets is ON: webhooks and providers may call loopback addresses (127.0.0.0/8, ::1) on this machine. This is a development setting; never enable it in production. !!!")]
    public static partial void LoopbackTargetsAllowed(ILogger logger);
}
