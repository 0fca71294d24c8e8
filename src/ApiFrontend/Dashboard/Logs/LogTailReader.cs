using System.Text.Json;
using MindPeeker.ApiFrontend.Dashboard.Domain;
using MindPeeker.Runtime.Logging;
using MindPeeker.Runtime.Management;

namespace MindPeeker.ApiFrontend.Dashboard.Logs;

/// <summary>
/// Reads the cluster's log tail: asks every silo (<c>dashboard.logs</c>), adds this process's own buffer when it is not
/// a silo (a front end of its own, labelled <see cref="FrontEndSilo"/>), and merges by <see cref="LogPosition"/> order
/// (timestamp, buffer, sequence). Thread-safe.
/// </summary>
internal sealed class LogTailReader(ISiloControl control, LogRingBuffer localBuffer)
{
    public const string HandlerName = "dashboard.logs";

    /// <summary>How this process's entries are labelled when it is a front end without a silo.</summary>
    public const string FrontEndSilo = "frontend";

    public const int DefaultLimit = 100;

    public const int MaxLimit = 1_000;

    /// <summary>
    /// Without <paramref name="after"/> the newest <paramref name="limit"/> entries matching <paramref name="filter"/>;
    /// with it the oldest <paramref name="limit"/> after that place. Items oldest first either way.
    /// </summary>
    public async Task<LogTailPage> ReadAsync(LogTailFilter filter, LogPosition? after, int limit, CancellationToken cancellationToken)
    {
        // One more than asked tells whether more are waiting.
        var query = new LogTailQuery(filter.Level, filter.Grain, filter.Session, after, limit + 1);
        var answers = await control.AskAllAsync(HandlerName, JsonSerializer.SerializeToElement(query, LogTailJson.Options), cancellationToken);
        var tails = answers
            .Where(a => a.Result is not null)
            .Select(a => (a.Silo, Tail: a.Result!.Value.Deserialize<LogTailAnswer>(LogTailJson.Options)!))
            .ToList();
        if (!tails.Any(t => t.Tail.BufferId == localBuffer.Id))
        {
            tails.Add((FrontEndSilo, new LogTailAnswer(localBuffer.Id, localBuffer.Read(filter, after, limit + 1))));
        }

        var merged = tails
            .SelectMany(t => t.Tail.Entries.Select(e => (Position: new LogPosition(e.Timestamp, t.Tail.BufferId, e.Sequence), Entry: e, t.Silo)))
            .OrderBy(e => e.Position.Timestamp)
            .ThenBy(e => e.Position.BufferId)
            .ThenBy(e => e.Position.Sequence)
            .Select(e => e.Entry with { Silo = e.Silo, Cursor = LogCursor.Format(e.Position) })
            .ToList();

        bool hasMore;
        List<LogTailEntry> items;
        if (after is null)
        {
            hasMore = false;
            items = merged.Count > limit ? merged[^limit..] : merged;
        }
        else
        {
            hasMore = merged.Count > limit;
            items = hasMore ? merged[..limit] : merged;
        }

        var next = items.Count > 0 ? items[^1].Cursor : after is null ? null : LogCursor.Format(after);
        return new LogTailPage(items, next, hasMore, SiloAnswerStatus.Of(answers));
    }
}
