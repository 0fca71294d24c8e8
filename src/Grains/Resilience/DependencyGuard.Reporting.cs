using MindPeeker.Grains.Abstractions.Resilience;

namespace MindPeeker.Grains.Resilience;

/// <summary>The guard's conversation with the breaker grains: subscriptions, outcome reports, trials.</summary>
public sealed partial class DependencyGuard
{
    /// <summary>
    /// One maintenance pass (the timer runs it every report interval): reports pending outcomes, renews due
    /// subscriptions and forgets dependencies idle past <see cref="CircuitBreakerOptions.IdleTimeout"/>.
    /// Completes when every report and renewal it started has been answered.
    /// </summary>
    internal async Task TickAsync()
    {
        var now = _time.GetUtcNow();
        var work = new List<Task>();
        foreach (var entry in _dependencies.Values)
        {
            if (entry.HasPending)
            {
                work.Add(ReportAsync(entry));
            }
            else if (now - entry.LastUsed >= _breakers.IdleTimeout)
            {
                work.Add(ForgetAsync(entry));
                continue;
            }

            if (now - entry.RenewedAt >= _breakers.SubscriptionRenewal && entry.TryBeginRenewal())
            {
                work.Add(RenewAsync(entry));
            }
        }

        await Task.WhenAll(work).ConfigureAwait(false);
    }

    /// <summary>Raised after a pushed notification was taken into the cache (diagnostics and tests).</summary>
    internal event Action<CircuitBreakerSnapshot>? NotificationApplied;

    private void OnBreakerChanged(CircuitBreakerSnapshot snapshot)
    {
        if (_dependencies.TryGetValue(snapshot.Dependency, out var entry) && entry.Update(snapshot))
        {
            CircuitBreakerLog.StateCached(_logger, snapshot.Dependency, CircuitStateNames.Of(snapshot.State), snapshot.Version);
            NotificationApplied?.Invoke(snapshot);
        }
    }

    private ICircuitBreakerGrain Breaker(GuardedDependency entry) => _grains.GetGrain<ICircuitBreakerGrain>(entry.Name);

    private async Task SubscribeAsync(GuardedDependency entry)
    {
        try
        {
            entry.Update(await Breaker(entry).Subscribe(_observer.Value).ConfigureAwait(false));
            entry.Renewed(_time.GetUtcNow());
        }
        catch (Exception exception)
        {
            // Fail open: a breaker that cannot be reached must not stop calls that would have succeeded.
            CircuitBreakerLog.BreakerUnreachable(_logger, exception, entry.Name);
        }
    }

    private async Task RenewAsync(GuardedDependency entry)
    {
        try
        {
            await SubscribeAsync(entry).ConfigureAwait(false);
        }
        finally
        {
            entry.EndRenewal();
        }
    }

    private async Task ReportAsync(GuardedDependency entry)
    {
        if (!entry.TryBeginReport())
        {
            return;
        }

        try
        {
            if (entry.TakePending() is not { } report)
            {
                return;
            }

            try
            {
                entry.Update(await Breaker(entry).ReportOutcomes(report).ConfigureAwait(false));
            }
            catch (Exception exception)
            {
                entry.ReturnPending(report);
                CircuitBreakerLog.BreakerUnreachable(_logger, exception, entry.Name);
            }
        }
        finally
        {
            entry.EndReport();
        }
    }

    private async Task ForgetAsync(GuardedDependency entry)
    {
        if (!_dependencies.TryRemove(new KeyValuePair<string, GuardedDependency>(entry.Name, entry)))
        {
            return;
        }

        try
        {
            await Breaker(entry).Unsubscribe(_observer.Value).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            CircuitBreakerLog.BreakerUnreachable(_logger, exception, entry.Name);
        }
    }

    private async Task<TrialDecision> RequestTrialAsync(GuardedDependency entry)
    {
        TrialDecision decision;
        try
        {
            decision = await Breaker(entry).AcquireTrial().ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            // Fail closed here: the breaker is known to be open, and without it nobody can hand out the one permit.
            CircuitBreakerLog.BreakerUnreachable(_logger, exception, entry.Name);
            return new TrialDecision(false, 0, _breakers.ReportInterval, entry.Snapshot);
        }

        entry.Update(decision.Snapshot);
        if (!decision.Permitted && decision.Snapshot.State is CircuitState.Open or CircuitState.HalfOpen)
        {
            // Remember the refusal locally so this silo does not ask again before it could succeed.
            entry.Update(decision.Snapshot with { BlockedUntil = _time.GetUtcNow() + decision.RetryAfter });
        }

        return decision;
    }

    private async Task CompleteTrialAsync(GuardedDependency entry, long permit, TrialOutcome outcome)
    {
        try
        {
            entry.Update(await Breaker(entry).CompleteTrial(permit, outcome).ConfigureAwait(false));
        }
        catch (Exception exception)
        {
            // The permit lapses after one break duration, when another trial is let through.
            CircuitBreakerLog.BreakerUnreachable(_logger, exception, entry.Name);
        }
        finally
        {
            entry.EndTrial();
        }
    }
}
