using Microsoft.Extensions.Logging;

namespace MindPeeker.ApiFrontend.Dashboard;

internal static partial class DashboardLog
{
    [LoggerMessage(EventId = 9310, Level = LogLevel.Debug, Message = "Admin hub connection {ConnectionId} connected; {Count} connected.")]
    public static partial void AdminConnected(ILogger logger, string connectionId, int count);

    [LoggerMessage(EventId = 9311, Level = LogLevel.Debug, Message = "Admin hub connection {ConnectionId} disconnected; {Count} connected.")]
    public static partial void AdminDisconnected(ILogger logger, string connectionId, int count);

    [LoggerMessage(EventId = 9312, Level = LogLevel.Warning, Message = "Collecting or pushing the dashboard snapshot failed; the next interval retries.")]
    public static partial void CollectionFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 9313, Level = LogLevel.Warning, Message = "The dashboard contributor {Name} failed or timed out; skipped this interval.")]
    public static partial void ContributorFailed(ILogger logger, Exception exception, string name);

    [LoggerMessage(EventId = 9314, Level = LogLevel.Debug, Message = "Silo {Silo} did not answer the dashboard collection: {Error}")]
    public static partial void SiloNotAnswered(ILogger logger, string silo, string? error);
}
