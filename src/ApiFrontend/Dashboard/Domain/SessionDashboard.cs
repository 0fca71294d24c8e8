using MindPeeker.Grains.Abstractions.Dashboard;
using MindPeeker.Runtime.Management;

namespace MindPeeker.ApiFrontend.Dashboard.Domain;

/// <summary>
/// Collects <see cref="DashboardSessions"/>: asks every silo (<c>dashboard.sessions</c>; each answers the same table
/// read), takes the freshest answer and shapes it into a dense per-minute series. Also the <c>sessions</c> part of the
/// live dashboard. Thread-safe.
/// </summary>
internal sealed class SessionDashboard(ISiloControl control, TimeProvider time) : IDashboardSnapshotContributor
{
    public const string HandlerName = "dashboard.sessions";

    public const int DefaultMinutes = 60;

    public const int MaxMinutes = 60;

    public string Name => "sessions";

    public async Task<object> CollectAsync(CancellationToken ct) => await CollectAsync(DefaultMinutes, ct);

    public async Task<DashboardSessions> CollectAsync(int minutes, CancellationToken cancellationToken)
    {
        var answers = await control.AskAllAsync(HandlerName, DomainJson.Argument(new { minutes }), cancellationToken);
        var stats = answers.Where(a => a.Result is not null).Select(a => DomainJson.Read<SessionStats>(a.Result!.Value)!).MaxBy(s => s.CollectedAt);
        var end = stats?.CollectedAt ?? time.GetUtcNow();
        var lastMinute = new DateTimeOffset(end.UtcTicks - (end.UtcTicks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
        var rows = stats?.Minutes ?? [];
        var byMinute = rows.ToLookup(r => r.Minute);
        var perMinute = Enumerable.Range(0, minutes)
            .Select(i => lastMinute - TimeSpan.FromMinutes(minutes - 1 - i))
            .Select(minute => ToMinute(minute, byMinute[minute]))
            .ToList();
        var byType = rows
            .GroupBy(r => r.SessionType, StringComparer.Ordinal)
            .Select(g => new SessionTypeCounts(g.Key, g.Sum(r => r.Created), g.Sum(r => r.Completed), g.Sum(r => r.Failed), g.Sum(r => r.Cancelled)))
            .OrderBy(t => t.SessionType, StringComparer.Ordinal)
            .ToList();
        var totals = new SessionCounts(byType.Sum(t => t.Created), byType.Sum(t => t.Completed), byType.Sum(t => t.Failed), byType.Sum(t => t.Cancelled));
        return new DashboardSessions(
            stats?.CollectedAt,
            minutes,
            perMinute,
            totals,
            byType,
            stats?.ByStatus ?? [],
            stats?.Pending ?? 0,
            stats?.Processing ?? 0,
            Durations(stats?.QueueTime),
            Durations(stats?.InferenceLatency),
            SiloAnswerStatus.Of(answers));
    }

    private static SessionMinute ToMinute(DateTimeOffset minute, IEnumerable<SessionMinuteCounts> rows)
    {
        var byType = rows.ToDictionary(r => r.SessionType, r => new SessionCounts(r.Created, r.Completed, r.Failed, r.Cancelled), StringComparer.Ordinal);
        var all = byType.Values.Aggregate(SessionCounts.None, (sum, c) => sum.Plus(c));
        return new SessionMinute(minute, all.Created, all.Completed, all.Failed, all.Cancelled, byType);
    }

    private static SessionDurations Durations(IReadOnlyList<SessionDurationPercentiles>? rows)
    {
        var all = rows?.FirstOrDefault(r => r.SessionType is null);
        return new SessionDurations(
            all?.Count ?? 0, all?.P50Ms, all?.P95Ms, all?.P99Ms, [.. (rows ?? []).Where(r => r.SessionType is not null)]);
    }
}
