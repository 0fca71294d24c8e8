using MindPeeker.Grains.Abstractions.Resilience;
using MindPeeker.Grains.Resilience.Health;

namespace MindPeeker.Grains.Resilience.Controller;

/// <summary>
/// The state machine of one breaker (Polly v8's <c>CircuitStateController</c> over reported outcome counts):
/// closed samples outcomes and opens when, after a failure, the window holds at least the minimum throughput
/// and the failure ratio is reached; open refuses until the break duration has passed; then the first trial
/// request turns it half-open and gets the only permit, which lapses after another break duration (so a trial
/// that never reports does not wedge the breaker). A failed trial re-opens, a successful one counts towards the
/// success threshold (the next trial is then granted at once), reaching it closes and clears the window.
/// Isolation holds it open until a reset. Not thread safe: the grain runs one turn at a time.
/// </summary>
internal sealed class CircuitStateController
{
    private readonly BreakerPolicy _policy;
    private readonly TimeProvider _time;
    private readonly RollingHealthMetrics _health;
    private long _nextPermit = Random.Shared.NextInt64(1, long.MaxValue / 2);
    private long _trialPermit;
    private int _trialSuccesses;

    public CircuitStateController(BreakerPolicy policy, TimeProvider time, PersistedCircuit? persisted = null)
    {
        _policy = policy;
        _time = time;
        _health = new RollingHealthMetrics(policy.SamplingDuration, time);
        UpdatedAt = time.GetUtcNow();
        if (persisted is null)
        {
            return;
        }

        // A trial in flight when the previous activation ended is lost: half-open comes back as open until the
        // permit would have lapsed.
        State = persisted.State == CircuitState.HalfOpen ? CircuitState.Open : persisted.State;
        Version = persisted.Version;
        OpenedAt = persisted.OpenedAt;
        BlockedUntil = persisted.BlockedUntil;
        UpdatedAt = persisted.UpdatedAt;
    }

    public CircuitState State { get; private set; } = CircuitState.Closed;

    /// <summary>Rises by one with every state change.</summary>
    public long Version { get; private set; }

    /// <summary>When the breaker last opened (or was isolated); null while closed.</summary>
    public DateTimeOffset? OpenedAt { get; private set; }

    /// <summary>Open: when a trial may be asked for. Half-open: when the current permit lapses. Else null.</summary>
    public DateTimeOffset? BlockedUntil { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public HealthInfo Health => _health.GetHealthInfo();

    /// <summary>Adds outcomes to the window while closed; returns the transition when they open the breaker.</summary>
    public CircuitTransition? Record(int successes, int failures)
    {
        if (State != CircuitState.Closed || successes + failures == 0)
        {
            return null;
        }

        _health.Add(successes, failures);
        if (failures == 0)
        {
            return null;
        }

        var health = _health.GetHealthInfo();
        return health.Throughput >= _policy.MinimumThroughput && health.FailureRatio >= _policy.FailureRatio
            ? Open(health)
            : null;
    }

    public TrialGrant AcquireTrial()
    {
        var now = _time.GetUtcNow();
        switch (State)
        {
            case CircuitState.Closed:
                return new TrialGrant(true, 0, TimeSpan.Zero, null);
            case CircuitState.Isolated:
                return new TrialGrant(false, 0, TimeSpan.Zero, null);
            case CircuitState.Open or CircuitState.HalfOpen when now < BlockedUntil:
                return new TrialGrant(false, 0, BlockedUntil.Value - now, null);
            default:
                var from = State;
                _trialPermit = ++_nextPermit;
                BlockedUntil = now + _policy.BreakDuration;
                var transition = from == CircuitState.HalfOpen ? null : Change(CircuitState.HalfOpen, _health.GetHealthInfo());
                return new TrialGrant(true, _trialPermit, TimeSpan.Zero, transition);
        }
    }

    public CircuitTransition? CompleteTrial(long permitId, TrialOutcome outcome)
    {
        if (State != CircuitState.HalfOpen || permitId == 0 || permitId != _trialPermit)
        {
            return null;
        }

        _trialPermit = 0;
        var now = _time.GetUtcNow();
        switch (outcome)
        {
            case TrialOutcome.Failed:
                return Open(_health.GetHealthInfo());
            case TrialOutcome.Succeeded when ++_trialSuccesses >= _policy.SuccessThreshold:
                return Close();
            default:
                BlockedUntil = now;
                return null;
        }
    }

    public CircuitTransition? Isolate()
    {
        if (State == CircuitState.Isolated)
        {
            return null;
        }

        OpenedAt = _time.GetUtcNow();
        BlockedUntil = null;
        _trialPermit = 0;
        return Change(CircuitState.Isolated, _health.GetHealthInfo());
    }

    /// <summary>Closes the breaker and clears the window (Polly's manual close); null when it was closed already.</summary>
    public CircuitTransition? Reset()
    {
        if (State == CircuitState.Closed)
        {
            _health.Reset();
            return null;
        }

        return Close();
    }

    private CircuitTransition Open(HealthInfo health)
    {
        var now = _time.GetUtcNow();
        OpenedAt = now;
        BlockedUntil = now + _policy.BreakDuration;
        _trialPermit = 0;
        return Change(CircuitState.Open, health);
    }

    private CircuitTransition Close()
    {
        var health = _health.GetHealthInfo();
        _health.Reset();
        OpenedAt = null;
        BlockedUntil = null;
        _trialPermit = 0;
        return Change(CircuitState.Closed, health);
    }

    private CircuitTransition Change(CircuitState to, HealthInfo health)
    {
        var from = State;
        State = to;
        Version++;
        UpdatedAt = _time.GetUtcNow();
        _trialSuccesses = 0;
        return new CircuitTransition(from, to, health);
    }
}
