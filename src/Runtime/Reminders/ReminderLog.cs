using Microsoft.Extensions.Logging;

namespace MindPeeker.Runtime.Reminders;

internal static partial class ReminderLog
{
    [LoggerMessage(8300, LogLevel.Information, "Reminder service owns {RangeCount} ring range(s) and schedules {ReminderCount} reminder(s) after {Reason}.")]
    public static partial void Refreshed(ILogger logger, int rangeCount, int reminderCount, string reason);

    [LoggerMessage(8301, LogLevel.Warning, "Reading the reminders of this silo's ring ranges failed after {Reason}; the next refresh retries.")]
    public static partial void RefreshFailed(ILogger logger, string reason, Exception exception);

    [LoggerMessage(8302, LogLevel.Warning, "Reminder '{ReminderName}' of {GrainId}: delivering the tick due {TickTime:O} failed.")]
    public static partial void TickFailed(ILogger logger, string reminderName, GrainId grainId, DateTimeOffset tickTime, Exception exception);

    [LoggerMessage(8303, LogLevel.Debug, "Reminder '{ReminderName}' of {GrainId}: the tick due {TickTime:O} came while the previous one was still being delivered; it follows it.")]
    public static partial void TickDeferred(ILogger logger, string reminderName, GrainId grainId, DateTimeOffset tickTime);

    [LoggerMessage(8304, LogLevel.Information, "Reminder '{ReminderName}' of {GrainId} was registered with period {Period}, first tick {StartAt:O}.")]
    public static partial void Registered(ILogger logger, string reminderName, GrainId grainId, TimeSpan period, DateTimeOffset startAt);

    [LoggerMessage(8305, LogLevel.Information, "Reminder '{ReminderName}' of {GrainId} was unregistered.")]
    public static partial void Unregistered(ILogger logger, string reminderName, GrainId grainId);

    [LoggerMessage(8306, LogLevel.Warning, "Reminder '{ReminderName}' of {GrainId} was not unregistered: it changed since the handle was read (handle ETag {ETag}).")]
    public static partial void UnregisterStale(ILogger logger, string reminderName, GrainId grainId, string eTag);

    [LoggerMessage(8307, LogLevel.Warning, "Membership is registered but this silo's address is not: the reminder service schedules nothing.")]
    public static partial void NoLocalSilo(ILogger logger);
}
