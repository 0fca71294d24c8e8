using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MindPeeker.Runtime.Management;
using MindPeeker.Runtime.Statistics;

namespace MindPeeker.ApiFrontend.Dashboard;

/// <summary>
/// Collects the dashboard: asks every silo for its cumulative report (<c>dashboard.silo</c>), diffs each against
/// this front end's previous report of the same silo process, aggregates, and appends the overview to a history
/// ring of <see cref="DashboardOptions.HistoryCapacity"/> points. Several front ends each keep their own previous
/// reports, so they never disturb one another. Thread-safe: collections run one at a time.
/// </summary>
internal sealed class DashboardCollector(
    ISiloControl control,
    IOptions<DashboardOptions> options,
    TimeProvider time,
    ILogger<DashboardCollector> logger) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, SiloDashboardReport> _previous = new(StringComparer.Ordinal);
    private readonly Queue<OverviewHistoryPoint> _history = new();
    private DashboardSnapshot? _latest;
    private long _latestTimestamp;

    /// <summary>The last collection, or null before the first.</summary>
    public DashboardSnapshot? Latest => Volatile.Read(ref _latest);

    /// <summary>
    /// The last collection when it is younger than the collection interval (an admin is connected and the push loop
    /// keeps it fresh), otherwise a new collection: how the GET endpoints collect on demand.
    /// </summary>
    public async Task<DashboardSnapshot> GetCurrentAsync(CancellationToken cancellationToken)
    {
        if (Fresh() is { } fresh)
        {
            return fresh;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return Fresh() ?? await CollectLockedAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Collects now (the push loop, once per interval).</summary>
    public async Task<DashboardSnapshot> CollectAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await CollectLockedAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private DashboardSnapshot? Fresh()
    {
        var latest = Latest;
        return latest is not null && time.GetElapsedTime(Volatile.Read(ref _latestTimestamp)) < options.Value.CollectionInterval ? latest : null;
    }

    private async Task<DashboardSnapshot> CollectLockedAsync(CancellationToken cancellationToken)
    {
        var answers = await control.AskAllAsync(DashboardControlNames.Silo, default, cancellationToken).ConfigureAwait(false);
        var samples = new List<SiloSample>(answers.Count);
        foreach (var answer in answers)
        {
            var current = Read(answer);
            var previous = current is not null && _previous.TryGetValue(answer.Silo, out var known) && known.InstanceId == current.InstanceId ? known : null;
            samples.Add(new SiloSample(answer, current, previous));
        }

        // Only the silos seen now are kept, so a silo that left does not hold memory; an unanswered one restarts from its start.
        _previous.Clear();
        foreach (var sample in samples.Where(s => s.Current is not null))
        {
            _previous[sample.Answer.Silo] = sample.Current!;
        }

        var (overview, grains) = DashboardAggregation.Aggregate(samples, time.GetUtcNow());
        _history.Enqueue(DashboardAggregation.ToHistoryPoint(overview));
        while (_history.Count > options.Value.HistoryCapacity)
        {
            _history.Dequeue();
        }

        var snapshot = new DashboardSnapshot(overview with { History = [.. _history] }, grains);
        Volatile.Write(ref _latestTimestamp, time.GetTimestamp());
        Volatile.Write(ref _latest, snapshot);
        return snapshot;
    }

    private SiloDashboardReport? Read(SiloControlAnswer answer)
    {
        if (answer.Result is not { } result)
        {
            DashboardLog.SiloNotAnswered(logger, answer.Silo, answer.Error);
            return null;
        }

        try
        {
            return result.Deserialize<SiloDashboardReport>();
        }
        catch (JsonException exception)
        {
            DashboardLog.SiloNotAnswered(logger, answer.Silo, exception.Message);
            return null;
        }
    }
}
