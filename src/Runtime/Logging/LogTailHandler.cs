using System.Text.Json;
using MindPeeker.Runtime.Management;

namespace MindPeeker.Runtime.Logging;

/// <summary>
/// Silo control handler <c>dashboard.logs</c>: answers a <see cref="LogTailQuery"/> from this silo's
/// <see cref="LogRingBuffer"/> as a <see cref="LogTailAnswer"/> (at most <see cref="MaxLimit"/> entries). Memory only.
/// </summary>
internal sealed class LogTailHandler(LogRingBuffer buffer) : ISiloControlHandler
{
    public const string HandlerName = "dashboard.logs";

    /// <summary>The most entries one answer carries: a page of 1,000 plus the one that tells the reader more are waiting.</summary>
    public const int MaxLimit = 1_001;

    public string Name => HandlerName;

    public ValueTask<JsonElement> HandleAsync(JsonElement argument, CancellationToken cancellationToken)
    {
        var query = argument.ValueKind == JsonValueKind.Object
            ? argument.Deserialize<LogTailQuery>(LogTailJson.Options) ?? new LogTailQuery(null, null, null, null, 100)
            : new LogTailQuery(null, null, null, null, 100);
        var entries = buffer.Read(new LogTailFilter(query.Level, query.Grain, query.Session), query.After, Math.Clamp(query.Limit, 1, MaxLimit));
        return ValueTask.FromResult(JsonSerializer.SerializeToElement(new LogTailAnswer(buffer.Id, entries), LogTailJson.Options));
    }
}
