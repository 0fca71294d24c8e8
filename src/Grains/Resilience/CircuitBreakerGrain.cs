using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MindPeeker.Grains.Abstractions.Resilience;
using MindPeeker.Grains.Resilience.Controller;
using MindPeeker.Runtime;

namespace MindPeeker.Grains.Resilience;

/// <summary>
/// One dependency's breaker (see <see cref="ICircuitBreakerGrain"/>). Not reentrant: reports, trial requests and
/// admin actions run one at a time, which is what makes the half-open permit unique cluster-wide. Each state
/// change is stored, logged, audited and pushed to the subscribed guards; subscriptions live in memory and are
/// renewed by the guards, so after a move the breaker is back to full reach within one renewal period.
/// </summary>
internal sealed partial class CircuitBreakerGrain(
    CircuitBreakerTable table,
    IOptions<CircuitBreakerOptions> options,
    TimeProvider time,
    ILogger<CircuitBreakerGrain> logger) : Grain, ICircuitBreakerGrain
{
    private readonly Dictionary<string, Subscription> _subscribers = new(StringComparer.Ordinal);
    private readonly TimeSpan _subscriptionExpiry = options.Value.SubscriptionExpiry;
    private CircuitStateController _controller = null!;
    private string _dependency = string.Empty;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _dependency = this.GetPrimaryKeyString();
        DependencyNames.Validate(_dependency);
        var persisted = await table.RegisterAsync(_dependency, time.GetUtcNow());
        _controller = new CircuitStateController(options.Value.PolicyFor(_dependency), time, persisted);
    }

    public Task<CircuitBreakerSnapshot> Subscribe(ICircuitBreakerObserver observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        var now = time.GetUtcNow();
        foreach (var expired in _subscribers.Where(s => now - s.Value.RenewedAt >= _subscriptionExpiry).Select(s => s.Key).ToList())
        {
            _subscribers.Remove(expired);
        }

        _subscribers[observer.GetGrainId().ToString()] = new Subscription(observer, now);
        return Task.FromResult(Snapshot());
    }

    public Task Unsubscribe(ICircuitBreakerObserver observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        _subscribers.Remove(observer.GetGrainId().ToString());
        return Task.CompletedTask;
    }

    public async Task<CircuitBreakerSnapshot> ReportOutcomes(OutcomeReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Successes < 0 || report.Failures < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(report), "Outcome counts cannot be negative.");
        }

        await ApplyAsync(_controller.Record(report.Successes, report.Failures), null);
        return Snapshot();
    }

    public async Task<TrialDecision> AcquireTrial()
    {
        var grant = _controller.AcquireTrial();
        await ApplyAsync(grant.Transition, null);
        return new TrialDecision(grant.Permitted, grant.PermitId, grant.RetryAfter, Snapshot());
    }

    public async Task<CircuitBreakerSnapshot> CompleteTrial(long permitId, TrialOutcome outcome)
    {
        await ApplyAsync(_controller.CompleteTrial(permitId, outcome), null);
        return Snapshot();
    }

    public Task<CircuitBreakerStatus> GetStatus() => Task.FromResult(Status());

    public async Task<CircuitBreakerStatus> Isolate(CircuitBreakerActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await ApplyAsync(_controller.Isolate(), actor);
        return Status();
    }

    public async Task<CircuitBreakerStatus> Reset(CircuitBreakerActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await ApplyAsync(_controller.Reset(), actor);
        return Status();
    }

    private CircuitBreakerSnapshot Snapshot()
    {
        var health = _controller.Health;
        return new CircuitBreakerSnapshot(_dependency, _controller.State, _controller.Version, _controller.BlockedUntil, health.Throughput, health.Failures);
    }

    private CircuitBreakerStatus Status()
    {
        var health = _controller.Health;
        var state = _controller.State;
        return new CircuitBreakerStatus(
            _dependency,
            state,
            health.FailureRatio,
            health.Throughput,
            health.Failures,
            _controller.OpenedAt,
            state is CircuitState.Open or CircuitState.HalfOpen ? _controller.BlockedUntil : null,
            state == CircuitState.Isolated,
            _controller.UpdatedAt,
            _controller.Version);
    }

    private sealed record Subscription(ICircuitBreakerObserver Observer, DateTimeOffset RenewedAt);
}
