using MindPeeker.Grains.Abstractions.Resilience;
using MindPeeker.Grains.Resilience;
using MindPeeker.Grains.Resilience.Controller;
using MindPeeker.Grains.Resilience.Health;
using MindPeeker.TestSupport;

namespace MindPeeker.Grains.Tests.Resilience;

public sealed class CircuitStateControllerTests
{
    private static readonly TimeSpan Sampling = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Break = TimeSpan.FromSeconds(60);

    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void A_failure_ratio_below_the_threshold_keeps_the_breaker_closed()
    {
        var controller = Create(failureRatio: 0.5, minimumThroughput: 5);

        controller.Record(6, 0);
        var transition = controller.Record(0, 5);

        transition.Should().BeNull("5 of 11 is below half");
        controller.State.Should().Be(CircuitState.Closed);
        controller.Health.Throughput.Should().Be(11);
    }

    [Fact]
    public void Reaching_the_failure_ratio_with_the_minimum_throughput_opens_the_breaker_for_the_break_duration()
    {
        var controller = Create(failureRatio: 0.5, minimumThroughput: 5);
        var start = _time.GetUtcNow();

        controller.Record(3, 2).Should().BeNull();
        var transition = controller.Record(0, 1);

        transition.Should().Be(new CircuitTransition(CircuitState.Closed, CircuitState.Open, new HealthInfo(6, 3)));
        controller.State.Should().Be(CircuitState.Open);
        controller.OpenedAt.Should().Be(start);
        controller.BlockedUntil.Should().Be(start + Break);
        controller.Version.Should().Be(1);
    }

    [Fact]
    public void Failures_below_the_minimum_throughput_never_open_the_breaker()
    {
        var controller = Create(failureRatio: 0.5, minimumThroughput: 5);

        for (var i = 0; i < 4; i++)
        {
            controller.Record(0, 1).Should().BeNull();
        }

        controller.State.Should().Be(CircuitState.Closed);
        controller.Record(0, 1)!.To.Should().Be(CircuitState.Open, "the fifth failure reaches the minimum throughput");
    }

    [Fact]
    public void Outcomes_older_than_the_sampling_window_slide_out()
    {
        var controller = Create(failureRatio: 0.5, minimumThroughput: 5);
        controller.Record(0, 4);

        _time.Advance(Sampling);
        var transition = controller.Record(0, 1);

        transition.Should().BeNull("the first four failures left the window");
        controller.Health.Should().Be(new HealthInfo(1, 1));
    }

    [Fact]
    public void The_window_slides_in_tenths_so_recent_buckets_still_count()
    {
        var controller = Create(failureRatio: 0.5, minimumThroughput: 5);
        controller.Record(0, 2);
        _time.Advance(TimeSpan.FromSeconds(20));
        controller.Record(0, 2);

        _time.Advance(TimeSpan.FromSeconds(9));
        controller.Record(0, 1)!.To.Should().Be(CircuitState.Open, "all five failures lie within the last 30 seconds");
    }

    [Fact]
    public void An_open_breaker_refuses_trials_until_the_break_duration_has_passed_and_says_how_long_to_wait()
    {
        var controller = Opened();

        _time.Advance(TimeSpan.FromSeconds(45));
        var early = controller.AcquireTrial();
        _time.Advance(TimeSpan.FromSeconds(15));
        var due = controller.AcquireTrial();

        early.Permitted.Should().BeFalse();
        early.RetryAfter.Should().Be(TimeSpan.FromSeconds(15));
        due.Permitted.Should().BeTrue();
        due.PermitId.Should().BePositive();
        due.Transition!.To.Should().Be(CircuitState.HalfOpen);
        controller.State.Should().Be(CircuitState.HalfOpen);
    }

    [Fact]
    public void Half_open_grants_exactly_one_trial_and_refuses_the_rest_until_it_lapses()
    {
        var controller = Opened();
        _time.Advance(Break);

        var trial = controller.AcquireTrial();
        var others = Enumerable.Range(0, 10).Select(_ => controller.AcquireTrial()).ToList();

        trial.Permitted.Should().BeTrue();
        others.Should().OnlyContain(o => !o.Permitted && o.RetryAfter == Break);

        _time.Advance(Break);
        var replacement = controller.AcquireTrial();
        replacement.Permitted.Should().BeTrue("a trial that never reported lapses after one break duration");
        replacement.PermitId.Should().NotBe(trial.PermitId);
        controller.CompleteTrial(trial.PermitId, TrialOutcome.Succeeded).Should().BeNull("the lapsed permit no longer counts");
    }

    [Fact]
    public void A_successful_trial_closes_the_breaker_and_clears_the_window_when_the_success_threshold_is_one()
    {
        var controller = Opened(successThreshold: 1);
        _time.Advance(Break);
        var trial = controller.AcquireTrial();

        var transition = controller.CompleteTrial(trial.PermitId, TrialOutcome.Succeeded);

        transition!.To.Should().Be(CircuitState.Closed);
        controller.State.Should().Be(CircuitState.Closed);
        controller.Health.Throughput.Should().Be(0);
        controller.OpenedAt.Should().BeNull();
        controller.Record(0, 4).Should().BeNull("the failures that opened it were forgotten");
    }

    [Fact]
    public void With_the_default_success_threshold_two_successful_trials_one_after_the_other_close_the_breaker()
    {
        var controller = Opened();
        _time.Advance(Break);

        var first = controller.AcquireTrial();
        controller.CompleteTrial(first.PermitId, TrialOutcome.Succeeded).Should().BeNull();
        controller.State.Should().Be(CircuitState.HalfOpen);
        var second = controller.AcquireTrial();
        second.Permitted.Should().BeTrue("the next trial is let through at once after a success");
        controller.AcquireTrial().Permitted.Should().BeFalse("still only one at a time");

        controller.CompleteTrial(second.PermitId, TrialOutcome.Succeeded)!.To.Should().Be(CircuitState.Closed);
    }

    [Fact]
    public void A_failed_trial_reopens_the_breaker_for_another_break_duration()
    {
        var controller = Opened();
        _time.Advance(Break);
        var trial = controller.AcquireTrial();

        var transition = controller.CompleteTrial(trial.PermitId, TrialOutcome.Failed);

        transition!.From.Should().Be(CircuitState.HalfOpen);
        transition.To.Should().Be(CircuitState.Open);
        controller.BlockedUntil.Should().Be(_time.GetUtcNow() + Break);
        controller.AcquireTrial().Permitted.Should().BeFalse();
    }

    [Fact]
    public void An_abandoned_trial_returns_the_permit_for_the_next_caller()
    {
        var controller = Opened();
        _time.Advance(Break);
        var trial = controller.AcquireTrial();

        controller.CompleteTrial(trial.PermitId, TrialOutcome.Abandoned).Should().BeNull();

        controller.State.Should().Be(CircuitState.HalfOpen);
        controller.AcquireTrial().Permitted.Should().BeTrue();
    }

    [Fact]
    public void An_isolated_breaker_never_lets_a_trial_through_until_it_is_reset()
    {
        var controller = Create();

        controller.Isolate()!.To.Should().Be(CircuitState.Isolated);
        _time.Advance(TimeSpan.FromDays(2));
        var decision = controller.AcquireTrial();
        controller.Record(100, 0).Should().BeNull();

        decision.Permitted.Should().BeFalse();
        decision.RetryAfter.Should().Be(TimeSpan.Zero);
        controller.Reset()!.To.Should().Be(CircuitState.Closed);
        controller.AcquireTrial().Should().Be(new TrialGrant(true, 0, TimeSpan.Zero, null), "a closed breaker needs no trial");
    }

    [Fact]
    public void A_breaker_stored_half_open_comes_back_open_until_its_trial_would_have_lapsed()
    {
        var until = _time.GetUtcNow() + TimeSpan.FromSeconds(20);
        var controller = Create(persisted: new PersistedCircuit(CircuitState.HalfOpen, 7, _time.GetUtcNow(), until, _time.GetUtcNow()));

        controller.State.Should().Be(CircuitState.Open);
        controller.Version.Should().Be(7);
        controller.AcquireTrial().RetryAfter.Should().Be(TimeSpan.FromSeconds(20));
        _time.Advance(TimeSpan.FromSeconds(20));
        controller.AcquireTrial().Permitted.Should().BeTrue();
    }

    private CircuitStateController Opened(int successThreshold = 2)
    {
        var controller = Create(successThreshold: successThreshold);
        controller.Record(0, 5)!.To.Should().Be(CircuitState.Open);
        return controller;
    }

    private CircuitStateController Create(
        double failureRatio = 0.5, int minimumThroughput = 5, int successThreshold = 2, PersistedCircuit? persisted = null) =>
        new(new BreakerPolicy(failureRatio, minimumThroughput, Sampling, Break, successThreshold), _time, persisted);
}
