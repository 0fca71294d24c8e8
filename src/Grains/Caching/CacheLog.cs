using Microsoft.Extensions.Logging;

namespace MindPeeker.Grains.Caching;

/// <summary>Cache log messages (EventIds 6230–6249). Keys and values are never logged: they derive from private cues.</summary>
internal static partial class CacheLog
{
    [LoggerMessage(EventId = 6230, Level = LogLevel.Warning,
        Message = "Redis cache level at {Endpoint} is unavailable ({Reason}: {Detail}); serving from memory and computing misses until it is back")]
    public static partial void RedisUnavailable(ILogger logger, string endpoint, string reason, string detail);

    [LoggerMessage(EventId = 6231, Level = LogLevel.Information, Message = "Redis cache level at {Endpoint} is available again")]
    public static partial void RedisRestored(ILogger logger, string endpoint);

    [LoggerMessage(EventId = 6232, Level = LogLevel.Information, Message = "Analysis cache: memory level of {MaxEntries} entries, Redis level {Redis}")]
    public static partial void Configured(ILogger logger, int maxEntries, string redis);

    [LoggerMessage(EventId = 6233, Level = LogLevel.Warning, Message = "A cached {Kind} entry could not be read and is recomputed")]
    public static partial void UnreadableEntry(ILogger logger, Exception exception, string kind);

    [LoggerMessage(EventId = 6234, Level = LogLevel.Warning,
        Message = "A {Level} cache entry could not be opened ({Reason}) and counts as a miss; it is recomputed and sealed again")]
    public static partial void UnsealableEntry(ILogger logger, string level, string reason);
}
