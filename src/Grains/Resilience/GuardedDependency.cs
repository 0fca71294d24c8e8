using MindPeeker.Grains.Abstractions.Resilience;

namespace MindPeeker.Grains.Resilience;

/// <summary>
/// What one silo keeps about one dependency: the breaker snapshot it last saw (newest version wins), the
/// outcomes not yet reported, the bulkhead, and the single-flight flags for reports and trials. Thread safe:
/// counters are interlocked, the snapshot is swapped by compare-and-exchange.
/// </summary>
internal sealed class GuardedDependency(string name, BreakerPolicy breaker, DependencyBulkhead bulkhead, DateTimeOffset now)
{
    private readonly TaskCompletionSource _subscribed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CircuitBreakerSnapshot _snapshot = new(name, CircuitState.Closed, -1, null, 0, 0);
    private int _successes;
    private int _failures;
    private int _reporting;
    private int _renewing;
    private int _trialInFlight;
    private long _lastUsedTicks = now.UtcTicks;
    private long _renewedTicks = now.UtcTicks;

    public string Name => name;

    public BreakerPolicy Breaker => breaker;

    public DependencyBulkhead Bulkhead => bulkhead;

    /// <summary>Completes once the first subscription was answered (or failed: the guard then assumes closed).</summary>
    public Task Subscribed => _subscribed.Task;

    public void MarkSubscribed() => _subscribed.TrySetResult();

    public CircuitBreakerSnapshot Snapshot => Volatile.Read(ref _snapshot);

    public DateTimeOffset LastUsed => new(Volatile.Read(ref _lastUsedTicks), TimeSpan.Zero);

    public DateTimeOffset RenewedAt => new(Volatile.Read(ref _renewedTicks), TimeSpan.Zero);

    public bool HasPending => Volatile.Read(ref _successes) + Volatile.Read(ref _failures) > 0;

    public void Touch(DateTimeOffset now) => Volatile.Write(ref _lastUsedTicks, now.UtcTicks);

    public void Renewed(DateTimeOffset now) => Volatile.Write(ref _renewedTicks, now.UtcTicks);

    /// <summary>Keeps <paramref name="snapshot"/> unless a newer version is already held; true when it was taken.</summary>
    public bool Update(CircuitBreakerSnapshot snapshot)
    {
        while (true)
        {
            var current = Volatile.Read(ref _snapshot);
            if (snapshot.Version < current.Version)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _snapshot, snapshot, current) == current)
            {
                return true;
            }
        }
    }

    public void RecordSuccess() => Interlocked.Increment(ref _successes);

    /// <summary>
    /// Counts a failure; true when the breaker's last known window plus this silo's unreported outcomes would
    /// reach the opening threshold, so the outcomes should be reported now rather than at the next tick.
    /// </summary>
    public bool RecordFailure()
    {
        var failures = Interlocked.Increment(ref _failures);
        var snapshot = Snapshot;
        var windowFailures = snapshot.WindowFailures + failures;
        var throughput = snapshot.WindowThroughput + Volatile.Read(ref _successes) + failures;
        return throughput >= breaker.MinimumThroughput && windowFailures >= breaker.FailureRatio * throughput;
    }

    /// <summary>Takes the unreported outcomes (null when none).</summary>
    public OutcomeReport? TakePending()
    {
        var successes = Interlocked.Exchange(ref _successes, 0);
        var failures = Interlocked.Exchange(ref _failures, 0);
        return successes + failures == 0 ? null : new OutcomeReport(successes, failures);
    }

    /// <summary>Puts back outcomes whose report failed, to go with the next one.</summary>
    public void ReturnPending(OutcomeReport report)
    {
        Interlocked.Add(ref _successes, report.Successes);
        Interlocked.Add(ref _failures, report.Failures);
    }

    public bool TryBeginReport() => Interlocked.CompareExchange(ref _reporting, 1, 0) == 0;

    public void EndReport() => Volatile.Write(ref _reporting, 0);

    public bool TryBeginRenewal() => Interlocked.CompareExchange(ref _renewing, 1, 0) == 0;

    public void EndRenewal() => Volatile.Write(ref _renewing, 0);

    /// <summary>Claims this silo's one trial request; false when another caller here holds it.</summary>
    public bool TryBeginTrial() => Interlocked.CompareExchange(ref _trialInFlight, 1, 0) == 0;

    public void EndTrial() => Volatile.Write(ref _trialInFlight, 0);
}
