using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MindPeeker.Runtime.Hosting;

namespace MindPeeker.Runtime.Cluster.Membership;

/// <summary>
/// This silo's side of the membership protocol (Orleans' <c>MembershipAgent</c>, <c>MembershipTableManager</c>
/// and <c>ClusterHealthMonitor</c> in one): writes the silo's own row through its lifecycle, publishes table
/// snapshots, heartbeats, probes the next silos in the ring and votes unresponsive ones dead, and deletes
/// defunct Dead rows. When the table says this silo is Dead although it did not shut down, it stops its loops
/// and raises <see cref="LocalSiloDeclaredDead"/> once. Lifecycle methods must be called in order
/// (<see cref="JoinAsync"/>, <see cref="BecomeActiveAsync"/>, <see cref="ShutDownAsync"/>,
/// <see cref="StoppingAsync"/>, <see cref="DeadAsync"/>), one at a time; everything else is thread-safe.
/// </summary>
internal sealed class MembershipAgent : IClusterMembershipService, IAsyncDisposable
{
    private const int MaxVoteAttempts = 5;

    private readonly IMembershipTable _table;
    private readonly ISiloProber _prober;
    private readonly LocalSiloDetails _local;
    private readonly ClusterMembershipOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ILocalSiloDeclaredDeadHandler[] _deathHandlers;
    private readonly Lock _snapshotLock = new();
    private readonly Dictionary<SiloAddress, int> _missedProbes = [];
    private readonly MembershipLoop[] _loops;
    private MembershipSnapshot _snapshot = MembershipSnapshot.Empty;
    private volatile SiloStatus _status = SiloStatus.Created;
    private int _declaredDead;

    public MembershipAgent(
        IMembershipTable table,
        ISiloProber prober,
        LocalSiloDetails local,
        IOptions<ClusterMembershipOptions> options,
        TimeProvider timeProvider,
        ILogger<MembershipAgent> logger,
        IEnumerable<ILocalSiloDeclaredDeadHandler> deathHandlers)
    {
        _table = table;
        _prober = prober;
        _local = local;
        _options = options.Value;
        _time = timeProvider;
        _logger = logger;
        _deathHandlers = [.. deathHandlers];
        _loops =
        [
            Loop("table refresh", _options.TableRefreshPeriod, RefreshAsync),
            Loop("heartbeat", _options.IAmAlivePeriod, WriteIAmAliveAsync),
            Loop("probing", _options.ProbePeriod, ProbeRoundAsync),
            Loop("defunct row cleanup", _options.DefunctSiloCleanupPeriod, CleanupDefunctRowsAsync),
        ];
    }

    public SiloAddress LocalSilo => _local.Address;

    /// <summary>The status this silo last wrote (or <see cref="SiloStatus.Dead"/> once declared dead).</summary>
    public SiloStatus LocalStatus => _status;

    public MembershipSnapshot CurrentSnapshot => Volatile.Read(ref _snapshot);

    public event Action<MembershipSnapshot>? SnapshotChanged;

    /// <summary>Raised once, from a background thread, when the table says this silo is Dead (or has lost its row) before it shut down.</summary>
    public event Action<SiloAddress>? LocalSiloDeclaredDead;

    /// <summary>
    /// Inserts this silo's row as <see cref="SiloStatus.Joining"/> (retrying on a moved table version), publishes
    /// the table and starts the background loops. Probing starts once the silo is Active.
    /// </summary>
    public async Task JoinAsync(CancellationToken cancellationToken)
    {
        if (_status != SiloStatus.Created)
        {
            throw new InvalidOperationException($"Silo {LocalSilo} already joined (it is {_status}).");
        }

        // Whole microseconds, as PostgreSQL stores them, so the row read back equals the row written.
        var now = _time.GetUtcNow();
        now = now.AddTicks(-(now.UtcTicks % 10));
        var entry = new MembershipEntry
        {
            Address = LocalSilo,
            Status = SiloStatus.Joining,
            SiloName = _local.SiloName,
            HostName = _local.HostName,
            Roles = _local.Roles,
            IsGateway = _local.IsGateway,
            StartTime = now,
            IAmAliveTime = now,
        };
        while (true)
        {
            var table = await _table.ReadAllAsync(cancellationToken);
            if (table.Find(LocalSilo) is { } existing)
            {
                // Our own insert committed although its answer was lost; any other row means the generation is reused.
                if (existing.Entry.Status == SiloStatus.Joining && existing.Entry.StartTime == entry.StartTime)
                {
                    break;
                }

                throw new InvalidOperationException(
                    $"Silo {LocalSilo} already has a membership row ({existing.Entry.Status}); a restarted silo needs a new generation.");
            }

            if (await _table.InsertRowAsync(entry, table.Version, cancellationToken))
            {
                MembershipLog.Joined(_logger, LocalSilo, table.Version + 1);
                break;
            }

            MembershipLog.WriteConflict(_logger, LocalSilo, table.Version);
        }

        _status = SiloStatus.Joining;
        await RefreshAsync(cancellationToken);
        foreach (var loop in _loops)
        {
            loop.Start();
        }
    }

    /// <summary>Writes <see cref="SiloStatus.Active"/>; from now on this silo probes others. Throws when it was declared dead meanwhile.</summary>
    public async Task BecomeActiveAsync(CancellationToken cancellationToken)
    {
        if (!await WriteOwnStatusAsync(SiloStatus.Active, cancellationToken))
        {
            throw new InvalidOperationException($"Silo {LocalSilo} was declared dead before it became active.");
        }
    }

    /// <summary>Writes <see cref="SiloStatus.ShuttingDown"/>; the silo stops probing others but is still probed and keeps its loops.</summary>
    public Task ShutDownAsync(CancellationToken cancellationToken) => WriteOwnStatusAsync(SiloStatus.ShuttingDown, cancellationToken);

    /// <summary>Writes <see cref="SiloStatus.Stopping"/>.</summary>
    public Task StoppingAsync(CancellationToken cancellationToken) => WriteOwnStatusAsync(SiloStatus.Stopping, cancellationToken);

    /// <summary>Stops the loops and writes <see cref="SiloStatus.Dead"/>: the last step of a graceful shutdown.</summary>
    public async Task DeadAsync(CancellationToken cancellationToken)
    {
        // Loops first, so the refresh loop never mistakes our own Dead row for a death sentence.
        await StopLoopsAsync();
        await WriteOwnStatusAsync(SiloStatus.Dead, cancellationToken);
    }

    /// <summary>Reads the table and publishes it when its version is newer than <see cref="CurrentSnapshot"/>.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken = default) =>
        Publish(await _table.ReadAllAsync(cancellationToken));

    /// <summary>Completes when every loop run in progress has finished (tests with a fake clock).</summary>
    internal Task WhenLoopsIdleAsync() => Task.WhenAll(_loops.Select(l => l.WhenIdleAsync()));

    public ValueTask DisposeAsync() => new(StopLoopsAsync());

    private async Task<bool> WriteOwnStatusAsync(SiloStatus status, CancellationToken cancellationToken)
    {
        while (true)
        {
            var table = await _table.ReadRowAsync(LocalSilo, cancellationToken);
            var row = table.Find(LocalSilo);
            if (row is null || row.Entry.Status == SiloStatus.Dead)
            {
                if (status != SiloStatus.Dead)
                {
                    OnLocalSiloDeclaredDead(row?.Entry.Status ?? SiloStatus.None);
                }

                return false;
            }

            var now = _time.GetUtcNow();
            var entry = row.Entry with { Status = status, IAmAliveTime = now > row.Entry.IAmAliveTime ? now : row.Entry.IAmAliveTime };
            if (await _table.UpdateRowAsync(entry, row.ETag, table.Version, cancellationToken))
            {
                _status = status;
                MembershipLog.StatusWritten(_logger, LocalSilo, status);
                if (status != SiloStatus.Dead)
                {
                    await RefreshAsync(cancellationToken);
                }

                return true;
            }

            MembershipLog.WriteConflict(_logger, LocalSilo, table.Version);
        }
    }

    private void Publish(MembershipTableData table)
    {
        var snapshot = table.ToSnapshot();
        var published = false;
        lock (_snapshotLock)
        {
            if (snapshot.Version > _snapshot.Version)
            {
                Volatile.Write(ref _snapshot, snapshot);
                published = true;
            }
        }

        if (published)
        {
            MembershipLog.SnapshotPublished(_logger, snapshot.Version, snapshot.ActiveSilos.Count);
            try
            {
                SnapshotChanged?.Invoke(snapshot);
            }
            catch (Exception exception)
            {
                // A subscriber's bug must not stop this silo from noticing that it was declared dead.
                MembershipLog.SnapshotHandlerFailed(_logger, exception, snapshot.Version);
            }
        }

        var own = table.Find(LocalSilo);
        if ((_status is SiloStatus.Joining or SiloStatus.Active or SiloStatus.ShuttingDown or SiloStatus.Stopping)
            && (own is null || own.Entry.Status == SiloStatus.Dead))
        {
            OnLocalSiloDeclaredDead(own?.Entry.Status ?? SiloStatus.None);
        }
    }

    private void OnLocalSiloDeclaredDead(SiloStatus seen)
    {
        if (Interlocked.Exchange(ref _declaredDead, 1) == 1)
        {
            return;
        }

        _status = SiloStatus.Dead;
        MembershipLog.LocalSiloDeclaredDead(_logger, LocalSilo, seen);
        foreach (var loop in _loops)
        {
            loop.Stop();
        }

        LocalSiloDeclaredDead?.Invoke(LocalSilo);
        foreach (var handler in _deathHandlers)
        {
            try
            {
                handler.OnLocalSiloDeclaredDead(LocalSilo);
            }
            catch (Exception exception)
            {
                MembershipLog.DeathHandlerFailed(_logger, exception);
            }
        }
    }

    private async Task WriteIAmAliveAsync(CancellationToken cancellationToken)
    {
        if (_status is SiloStatus.Created or SiloStatus.Dead)
        {
            return;
        }

        var now = _time.GetUtcNow();
        var heartbeat = new MembershipEntry
        {
            Address = LocalSilo,
            Status = _status,
            SiloName = _local.SiloName,
            HostName = _local.HostName,
            Roles = _local.Roles,
            StartTime = now,
            IAmAliveTime = now,
        };
        await _table.UpdateIAmAliveAsync(heartbeat, cancellationToken);
    }

    private async Task ProbeRoundAsync(CancellationToken cancellationToken)
    {
        if (_status != SiloStatus.Active)
        {
            return;
        }

        var targets = ProbeRing.TargetsOf(LocalSilo, CurrentSnapshot, _options.NumProbedSilos);
        foreach (var gone in _missedProbes.Keys.Except(targets).ToArray())
        {
            _missedProbes.Remove(gone);
        }

        var answers = await Task.WhenAll(targets.Select(t => ProbeAsync(t, cancellationToken)));
        var suspects = new List<SiloAddress>();
        for (var i = 0; i < targets.Count; i++)
        {
            if (answers[i])
            {
                _missedProbes.Remove(targets[i]);
                continue;
            }

            var missed = _missedProbes[targets[i]] = _missedProbes.GetValueOrDefault(targets[i]) + 1;
            MembershipLog.ProbeMissed(_logger, targets[i], missed, _options.NumMissedProbesLimit, LocalSilo);
            if (missed >= _options.NumMissedProbesLimit)
            {
                suspects.Add(targets[i]);
            }
        }

        foreach (var suspect in suspects)
        {
            await VoteAsync(suspect, cancellationToken);
        }
    }

    private async Task<bool> ProbeAsync(SiloAddress target, CancellationToken cancellationToken)
    {
        try
        {
            return await _prober.ProbeAsync(target, _options.ProbeTimeout, cancellationToken);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private async Task VoteAsync(SiloAddress suspect, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= MaxVoteAttempts; attempt++)
        {
            var table = await _table.ReadAllAsync(cancellationToken);
            Publish(table);
            var now = _time.GetUtcNow();
            if (_status != SiloStatus.Active || SuspicionVoting.Vote(table, suspect, LocalSilo, now, _options) is not { } voted)
            {
                return;
            }

            if (await _table.UpdateRowAsync(voted, table.Find(suspect)!.ETag, table.Version, cancellationToken))
            {
                if (voted.Status == SiloStatus.Dead)
                {
                    MembershipLog.DeclaredDead(_logger, LocalSilo, suspect, voted.SuspectTimes.Count);
                }
                else
                {
                    MembershipLog.Voted(_logger, LocalSilo, suspect, voted.SuspectTimes.Count, SuspicionVoting.RequiredVotes(table, now, _options));
                }

                Publish(table.AfterUpdate(voted));
                return;
            }

            MembershipLog.WriteConflict(_logger, LocalSilo, table.Version);
        }

        MembershipLog.VoteGaveUp(_logger, LocalSilo, suspect, MaxVoteAttempts);
    }

    private async Task CleanupDefunctRowsAsync(CancellationToken cancellationToken)
    {
        var deleted = await _table.CleanupDefunctSiloEntriesAsync(_time.GetUtcNow() - _options.DefunctSiloExpiration, cancellationToken);
        if (deleted > 0)
        {
            MembershipLog.DefunctRowsDeleted(_logger, deleted);
        }
    }

    private async Task StopLoopsAsync()
    {
        foreach (var loop in _loops)
        {
            await loop.DisposeAsync();
        }
    }

    private MembershipLoop Loop(string name, TimeSpan period, Func<CancellationToken, Task> body) =>
        new(period, _time, body, exception => MembershipLog.LoopFailed(_logger, exception, name, LocalSilo));
}
