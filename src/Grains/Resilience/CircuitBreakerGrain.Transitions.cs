using System.Globalization;
using MindPeeker.Grains.Abstractions.Identity;
using MindPeeker.Grains.Abstractions.Resilience;
using MindPeeker.Grains.Resilience.Controller;
using MindPeeker.Runtime;
using Npgsql;

namespace MindPeeker.Grains.Resilience;

/// <summary>What follows a state change: store, log, audit, notify.</summary>
internal sealed partial class CircuitBreakerGrain
{
    private async Task ApplyAsync(CircuitTransition? transition, CircuitBreakerActor? actor)
    {
        if (transition is null)
        {
            return;
        }

        try
        {
            await table.SaveAsync(_dependency, new PersistedCircuit(
                _controller.State, _controller.Version, _controller.OpenedAt, _controller.BlockedUntil, _controller.UpdatedAt));
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
        {
            CircuitBreakerLog.SaveFailed(logger, exception, _dependency);
        }

        Log(transition);
        await AuditAsync(transition, actor);
        Notify(Snapshot());
    }

    private void Log(CircuitTransition transition)
    {
        switch (transition.To)
        {
            case CircuitState.Open:
                CircuitBreakerLog.Opened(logger, _dependency, transition.Health.Failures, transition.Health.Throughput, _controller.BlockedUntil);
                break;
            case CircuitState.HalfOpen:
                CircuitBreakerLog.HalfOpened(logger, _dependency);
                break;
            case CircuitState.Isolated:
                CircuitBreakerLog.Isolated(logger, _dependency);
                break;
            default:
                CircuitBreakerLog.Closed(logger, _dependency, CircuitStateNames.Of(transition.From));
                break;
        }
    }

    private async Task AuditAsync(CircuitTransition transition, CircuitBreakerActor? actor)
    {
        var action = transition.To switch
        {
            CircuitState.Open => AuditActions.CircuitBreakerOpened,
            CircuitState.HalfOpen => AuditActions.CircuitBreakerHalfOpened,
            CircuitState.Isolated => AuditActions.CircuitBreakerIsolated,
            _ when actor is not null => AuditActions.CircuitBreakerReset,
            _ => AuditActions.CircuitBreakerClosed,
        };
        var details = new Dictionary<string, string>
        {
            ["dependency"] = _dependency,
            ["from"] = CircuitStateNames.Of(transition.From),
            ["to"] = CircuitStateNames.Of(transition.To),
            ["throughput"] = transition.Health.Throughput.ToString(CultureInfo.InvariantCulture),
            ["failures"] = transition.Health.Failures.ToString(CultureInfo.InvariantCulture),
            ["failure_ratio"] = transition.Health.FailureRatio.ToString("0.####", CultureInfo.InvariantCulture),
            ["version"] = _controller.Version.ToString(CultureInfo.InvariantCulture),
        };
        try
        {
            await GrainFactory.GetGrain<IAuditLogGrain>(0).Append(new AuditEntry(
                action,
                actor?.UserId,
                actor?.ApiKeyId,
                "circuit_breaker",
                _dependency.Length <= 100 ? _dependency : _dependency[..100],
                actor?.Ip,
                details));
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException or SiloUnavailableException)
        {
            CircuitBreakerLog.AuditFailed(logger, exception, _dependency, action);
        }
    }

    private void Notify(CircuitBreakerSnapshot snapshot)
    {
        foreach (var (id, subscription) in _subscribers.ToList())
        {
            // Not awaited: a slow or dead silo must not hold the breaker's turn; it is dropped on failure and
            // comes back with its next renewal.
            _ = NotifyAsync(id, subscription.Observer, snapshot);
        }
    }

    private async Task NotifyAsync(string id, ICircuitBreakerObserver observer, CircuitBreakerSnapshot snapshot)
    {
        try
        {
            await observer.OnBreakerChanged(snapshot);
        }
        catch (Exception exception)
        {
            CircuitBreakerLog.ObserverDropped(logger, exception, _dependency, id);
            _subscribers.Remove(id);
        }
    }
}
