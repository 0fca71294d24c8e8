using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MindPeeker.Grains.Abstractions.Resilience;
using MindPeeker.Runtime;

namespace MindPeeker.Grains.Resilience;

/// <summary>
/// Runs calls to external dependencies (webhook endpoints, AI provider models) behind each dependency's bulkhead
/// and circuit breaker. A singleton per silo: the breaker state lives in one <c>ICircuitBreakerGrain</c> per
/// dependency and is cached here with change notifications, so a call in the closed state costs no remote call.
/// Outcomes are counted locally and reported to the breaker every <see cref="CircuitBreakerOptions.ReportInterval"/>,
/// or at once when they could open it; while open, this silo asks the breaker at most once per
/// <c>retry_after</c> for the single half-open trial permit. Thread safe.
/// </summary>
public sealed partial class DependencyGuard : IDisposable
{
    private readonly ConcurrentDictionary<string, GuardedDependency> _dependencies = new(StringComparer.Ordinal);
    private readonly IGrainFactory _grains;
    private readonly CircuitBreakerOptions _breakers;
    private readonly BulkheadOptions _bulkheads;
    private readonly TimeProvider _time;
    private readonly ILogger<DependencyGuard> _logger;
    private readonly Lazy<ICircuitBreakerObserver> _observer;
    private readonly ITimer _ticks;

    public DependencyGuard(
        IGrainFactory grains,
        IOptions<CircuitBreakerOptions> breakers,
        IOptions<BulkheadOptions> bulkheads,
        TimeProvider time,
        ILogger<DependencyGuard> logger)
    {
        ArgumentNullException.ThrowIfNull(breakers);
        ArgumentNullException.ThrowIfNull(bulkheads);
        _grains = grains;
        _breakers = breakers.Value;
        _bulkheads = bulkheads.Value;
        _time = time;
        _logger = logger;
        _observer = new Lazy<ICircuitBreakerObserver>(
            () => grains.CreateObjectReference<ICircuitBreakerObserver>(new GuardObserver(OnBreakerChanged)));
        _ticks = time.CreateTimer(_ => _ = Task.Run(TickAsync), null, _breakers.ReportInterval, _breakers.ReportInterval);
    }

    /// <summary>
    /// Runs <paramref name="call"/> for <paramref name="dependency"/>. An exception from the call, or a result for
    /// which <paramref name="isFailure"/> answers true, counts as a failure of the dependency; cancellation by
    /// <paramref name="cancellationToken"/> counts as neither. Throws
    /// <see cref="Abstractions.Resilience.CircuitOpenException"/> when the breaker refuses the call and
    /// <see cref="Abstractions.Resilience.BulkheadRejectedException"/> when the bulkhead is full; the call is
    /// then not attempted.
    /// </summary>
    public async Task<TResult> ExecuteAsync<TResult>(
        string dependency,
        Func<CancellationToken, Task<TResult>> call,
        Func<TResult, bool> isFailure,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(dependency);
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(isFailure);
        var entry = Get(dependency);
        if (!entry.Subscribed.IsCompleted)
        {
            await entry.Subscribed.ConfigureAwait(false);
        }

        var now = _time.GetUtcNow();
        entry.Touch(now);
        var snapshot = entry.Snapshot;
        var permit = snapshot.State == CircuitState.Closed ? 0 : await AdmitAsync(entry, snapshot, now).ConfigureAwait(false);
        RateLimitLease lease;
        try
        {
            lease = await entry.Bulkhead.EnterAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            if (exception is BulkheadRejectedException)
            {
                CircuitBreakerLog.BulkheadRejected(_logger, dependency, entry.Bulkhead.Policy.MaxConcurrent, entry.Bulkhead.Policy.MaxQueue);
            }

            await CompleteAsync(entry, permit, null).ConfigureAwait(false);
            throw;
        }

        using (lease)
        {
            TResult result;
            try
            {
                result = await call(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await CompleteAsync(entry, permit, null).ConfigureAwait(false);
                throw;
            }
            catch
            {
                await CompleteAsync(entry, permit, false).ConfigureAwait(false);
                throw;
            }

            await CompleteAsync(entry, permit, !isFailure(result)).ConfigureAwait(false);
            return result;
        }
    }

    public void Dispose()
    {
        _ticks.Dispose();
        foreach (var entry in _dependencies.Values)
        {
            entry.Bulkhead.Dispose();
        }
    }

    /// <summary>The silo's cached snapshot of <paramref name="dependency"/>'s breaker, or null when this silo never guarded it.</summary>
    internal CircuitBreakerSnapshot? CachedSnapshot(string dependency) =>
        _dependencies.TryGetValue(dependency, out var entry) ? entry.Snapshot : null;

    private GuardedDependency Get(string dependency)
    {
        if (_dependencies.TryGetValue(dependency, out var entry))
        {
            return entry;
        }

        DependencyNames.Validate(dependency);
        var now = _time.GetUtcNow();
        var created = new GuardedDependency(
            dependency,
            _breakers.PolicyFor(dependency),
            new DependencyBulkhead(dependency, _bulkheads.PolicyFor(dependency), _time),
            now);
        entry = _dependencies.GetOrAdd(dependency, created);
        if (ReferenceEquals(entry, created))
        {
            _ = Task.Run(async () =>
            {
                await SubscribeAsync(created).ConfigureAwait(false);
                created.MarkSubscribed();
            });
        }
        else
        {
            created.Bulkhead.Dispose();
        }

        return entry;
    }

    /// <summary>
    /// Decides a call while the cached breaker is not closed: refuses it, or gets this silo's trial permit from the
    /// breaker (returned, or zero when the breaker turned out to be closed).
    /// </summary>
    private async Task<long> AdmitAsync(GuardedDependency entry, CircuitBreakerSnapshot snapshot, DateTimeOffset now)
    {
        if (snapshot.State == CircuitState.Isolated)
        {
            throw CircuitOpenException.IsolatedBreaker(entry.Name);
        }

        if (snapshot.BlockedUntil is { } blockedUntil && now < blockedUntil)
        {
            throw new CircuitOpenException(entry.Name, blockedUntil - now);
        }

        if (!entry.TryBeginTrial())
        {
            throw new CircuitOpenException(entry.Name, entry.Breaker.BreakDuration);
        }

        var decision = await RequestTrialAsync(entry).ConfigureAwait(false);
        if (!decision.Permitted || decision.PermitId == 0)
        {
            entry.EndTrial();
        }

        return decision switch
        {
            { Permitted: true } => decision.PermitId,
            { Snapshot.State: CircuitState.Isolated } => throw CircuitOpenException.IsolatedBreaker(entry.Name),
            _ => throw new CircuitOpenException(entry.Name, decision.RetryAfter),
        };
    }

    /// <summary>Records the outcome: <paramref name="succeeded"/> null for a call that never ran or was cancelled.</summary>
    private ValueTask CompleteAsync(GuardedDependency entry, long permit, bool? succeeded)
    {
        if (permit != 0)
        {
            var outcome = succeeded switch
            {
                true => TrialOutcome.Succeeded,
                false => TrialOutcome.Failed,
                null => TrialOutcome.Abandoned,
            };
            return new ValueTask(CompleteTrialAsync(entry, permit, outcome));
        }

        if (succeeded == true)
        {
            entry.RecordSuccess();
        }
        else if (succeeded == false && entry.RecordFailure())
        {
            _ = Task.Run(() => ReportAsync(entry));
        }

        return ValueTask.CompletedTask;
    }
}
