using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MindPeeker.Runtime.Cluster;

namespace MindPeeker.Runtime.Reminders;

/// <summary>
/// Schedules the reminders this silo owns: those whose grain hash lies in this silo's ranges of the
/// <see cref="ConsistentRing"/> over the current membership snapshot (everything when the silo runs without
/// membership). It reads its ranges' rows at start, every <see cref="ReminderOptions.RefreshPeriod"/> and on
/// every membership change, starting timers for gained or changed rows and stopping those of lost or deleted
/// ones; registrations made on this silo reach it at once. While ownership moves, two silos can briefly both
/// (or neither) schedule a reminder: ticks may be duplicated or missed, as in Orleans. Thread-safe.
/// </summary>
internal sealed class LocalReminderService : IHostedService, IDisposable
{
    private readonly IReminderTable _table;
    private readonly Func<GrainId, IRemindable> _getGrain;
    private readonly TimeProvider _time;
    private readonly ReminderOptions _options;
    private readonly ILogger _logger;
    private readonly IClusterMembershipService? _membership;
    private readonly SiloAddress? _localSilo;
    private readonly SemaphoreSlim _refreshGate = new(1, 1);
    private readonly Lock _lock = new();
    private readonly Dictionary<(GrainId Grain, string Name), ScheduledReminder> _scheduled = [];

    // Local registrations stamp their key, so a refresh whose read began earlier neither undoes nor revives them.
    private readonly Dictionary<(GrainId Grain, string Name), long> _localChanges = [];
    private long _localChangeCount;
    private IReadOnlyList<RingRange> _ranges = [];
    private ITimer? _refreshTimer;
    private bool _stopped;

    public LocalReminderService(
        IReminderTable table,
        Func<GrainId, IRemindable> getGrain,
        TimeProvider time,
        IOptions<ReminderOptions> options,
        ILogger<LocalReminderService> logger,
        IClusterMembershipService? membership = null,
        SiloAddress? localSilo = null)
    {
        _table = table;
        _getGrain = getGrain;
        _time = time;
        _options = options.Value;
        _logger = logger;
        _membership = membership;
        _localSilo = localSilo;
    }

    /// <summary>The reminders with a running timer here, for diagnostics and tests.</summary>
    public IReadOnlyList<ReminderEntry> ScheduledReminders
    {
        get
        {
            lock (_lock)
            {
                return [.. _scheduled.Values.Select(s => s.Entry)];
            }
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_membership is not null)
        {
            if (_localSilo is null)
            {
                ReminderLog.NoLocalSilo(_logger);
            }

            _membership.SnapshotChanged += OnSnapshotChanged;
        }

        await RefreshAsync("start", cancellationToken);
        lock (_lock)
        {
            if (!_stopped)
            {
                _refreshTimer = _time.CreateTimer(
                    static state => _ = ((LocalReminderService)state!).RefreshAsync("the periodic refresh", CancellationToken.None),
                    this,
                    _options.RefreshPeriod,
                    _options.RefreshPeriod);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Stop();
        return Task.CompletedTask;
    }

    /// <summary>Stops every timer; ticks being delivered finish. Idempotent.</summary>
    public void Stop()
    {
        if (_membership is not null)
        {
            _membership.SnapshotChanged -= OnSnapshotChanged;
        }

        List<ScheduledReminder> toStop;
        ITimer? refreshTimer;
        lock (_lock)
        {
            _stopped = true;
            refreshTimer = _refreshTimer;
            _refreshTimer = null;
            toStop = [.. _scheduled.Values];
            _scheduled.Clear();
        }

        refreshTimer?.Dispose();
        toStop.ForEach(s => s.Dispose());
    }

    // The refresh gate is not disposed: a refresh still running must be able to release it.
    public void Dispose() => Stop();

    /// <summary>Re-reads this silo's ranges and reconciles the timers with the rows found; failures are logged, only cancellation throws.</summary>
    public async Task RefreshAsync(string reason, CancellationToken cancellationToken)
    {
        await _refreshGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var ranges = ComputeRanges();
            long readMark;
            lock (_lock)
            {
                if (_stopped)
                {
                    return;
                }

                _ranges = ranges;
                readMark = _localChangeCount;
            }

            var rows = await _table.ReadRowsAsync(ranges, cancellationToken).ConfigureAwait(false);
            Reconcile(rows, readMark, reason);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            ReminderLog.RefreshFailed(_logger, reason, exception);
        }
        finally
        {
            _refreshGate.Release();
        }
    }

    /// <summary>
    /// Every row of the table this silo owns now (its ring ranges), whether or not its timer already runs here:
    /// the authoritative list for the admin dashboard. Reads the table; thread-safe.
    /// </summary>
    public Task<IReadOnlyList<ReminderEntry>> ReadOwnedRowsAsync(CancellationToken cancellationToken) =>
        _table.ReadRowsAsync(ComputeRanges(), cancellationToken);

    /// <summary>A reminder was written on this silo: schedule it here when this silo owns its grain.</summary>
    public void OnUpserted(ReminderEntry entry)
    {
        var key = (entry.GrainId, entry.ReminderName);
        ScheduledReminder? replaced;
        ScheduledReminder? started = null;
        lock (_lock)
        {
            if (_stopped)
            {
                return;
            }

            _localChanges[key] = ++_localChangeCount;
            _scheduled.Remove(key, out replaced);
            if (Owns(entry.GrainId))
            {
                _scheduled[key] = started = new ScheduledReminder(entry, _getGrain, _time, _logger);
            }
        }

        replaced?.Dispose();
        started?.Start();
    }

    /// <summary>A reminder was deleted on this silo: stop its timer if it runs here.</summary>
    public void OnRemoved(GrainId grainId, string reminderName)
    {
        var key = (grainId, reminderName);
        ScheduledReminder? removed;
        lock (_lock)
        {
            _localChanges[key] = ++_localChangeCount;
            _scheduled.Remove(key, out removed);
        }

        removed?.Dispose();
    }

    private void Reconcile(IReadOnlyList<ReminderEntry> rows, long readMark, string reason)
    {
        var toStop = new List<ScheduledReminder>();
        var toStart = new List<ScheduledReminder>();
        int rangeCount, scheduledCount;
        lock (_lock)
        {
            if (_stopped)
            {
                return;
            }

            var seen = new HashSet<(GrainId, string)>();
            foreach (var row in rows)
            {
                var key = (row.GrainId, row.ReminderName);
                seen.Add(key);
                if (ChangedLocallySince(key, readMark)
                    || (_scheduled.TryGetValue(key, out var current) && current.Entry.ETag == row.ETag))
                {
                    continue;
                }

                if (_scheduled.Remove(key, out var outdated))
                {
                    toStop.Add(outdated);
                }

                var started = new ScheduledReminder(row, _getGrain, _time, _logger);
                _scheduled[key] = started;
                toStart.Add(started);
            }

            foreach (var (key, scheduled) in _scheduled.Where(p => !seen.Contains(p.Key) && !ChangedLocallySince(p.Key, readMark)).ToList())
            {
                _scheduled.Remove(key);
                toStop.Add(scheduled);
            }

            foreach (var key in _localChanges.Where(p => p.Value <= readMark).Select(p => p.Key).ToList())
            {
                _localChanges.Remove(key);
            }

            rangeCount = _ranges.Count;
            scheduledCount = _scheduled.Count;
        }

        toStop.ForEach(s => s.Dispose());
        toStart.ForEach(s => s.Start());
        ReminderLog.Refreshed(_logger, rangeCount, scheduledCount, reason);
    }

    private bool ChangedLocallySince((GrainId, string) key, long readMark) =>
        _localChanges.TryGetValue(key, out var stamp) && stamp > readMark;

    private bool Owns(GrainId grainId)
    {
        var hash = ConsistentRing.GetHash(grainId);
        return _ranges.Any(r => r.Contains(hash));
    }

    private IReadOnlyList<RingRange> ComputeRanges()
    {
        if (_membership is null)
        {
            return [RingRange.Full];
        }

        return _localSilo is null ? [] : new ConsistentRing(_membership.CurrentSnapshot).GetOwnedRanges(_localSilo);
    }

    private void OnSnapshotChanged(MembershipSnapshot snapshot) => _ = RefreshAsync("a membership change", CancellationToken.None);
}
