using MindPeeker.Grains.Abstractions.Resilience;
using MindPeeker.TestSupport;
using Npgsql;

namespace MindPeeker.Grains.Tests.Resilience;

public sealed class DependencyGuardTests(PostgreSqlTestDatabase database) : IClassFixture<PostgreSqlTestDatabase>, IAsyncLifetime
{
    /// <summary>Bounds every wait, so a broken guard fails the test instead of hanging it.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan Break = TimeSpan.FromSeconds(60);

    private readonly FakeTimeProvider _time = new();
    private readonly string _dependency = $"webhook:{Guid.NewGuid():N}";
    private BreakerSilo _silo = null!;
    private GuardedCalls _calls = null!;

    public async Task InitializeAsync()
    {
        _silo = await BreakerSilo.StartAsync(database, _time);
        _calls = new GuardedCalls(_silo.Guard, _dependency);
    }

    public async Task DisposeAsync() => await _silo.DisposeAsync();

    [Fact]
    public async Task Closed_calls_run_and_reach_the_breaker_as_one_batch_report_not_one_call_each()
    {
        for (var i = 0; i < 10; i++)
        {
            (await _calls.SucceedAsync()).Should().Be(200);
        }

        (await _silo.Breaker(_dependency).GetStatus()).Throughput.Should().Be(0, "nothing is reported before the report interval");
        await _silo.Guard.TickAsync().WaitAsync(Patience);

        var status = await _silo.Breaker(_dependency).GetStatus();
        status.Throughput.Should().Be(10);
        status.State.Should().Be(CircuitState.Closed);
        _calls.Attempts.Should().Be(10);
    }

    [Fact]
    public async Task Failures_that_reach_the_threshold_open_the_breaker_at_once_and_later_calls_are_refused_unattempted()
    {
        await _calls.SucceedAsync();
        var opened = _silo.NextNotification(_dependency, CircuitState.Open);

        await _calls.FailTimesAsync(4);
        await opened.WaitAsync(Patience);

        var refusal = await FluentActions.Awaiting(_calls.SucceedAsync).Should().ThrowAsync<CircuitOpenException>();
        refusal.Which.Dependency.Should().Be(_dependency);
        refusal.Which.RetryAfter.Should().Be(Break);
        _calls.Attempts.Should().Be(5);
        (await _silo.Breaker(_dependency).GetStatus()).State.Should().Be(CircuitState.Open);
    }

    [Fact]
    public async Task Results_the_predicate_calls_failures_open_the_breaker_like_exceptions()
    {
        var opened = _silo.NextNotification(_dependency, CircuitState.Open);

        for (var i = 0; i < 5; i++)
        {
            (await _calls.AnswerAsync(503)).Should().Be(503, "the caller still gets the answer");
        }

        (await opened.WaitAsync(Patience)).WindowFailures.Should().Be(5);
    }

    [Fact]
    public async Task After_the_break_duration_exactly_one_of_many_concurrent_callers_runs_the_trial_and_two_successes_close_it()
    {
        await OpenAsync();
        var attemptsWhenOpened = _calls.Attempts;
        _time.Advance(Break);

        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var nineteenDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var refused = 0;
        var trialStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var callers = Enumerable.Range(0, 20).Select(_ => Task.Run(async () =>
        {
            try
            {
                await _calls.RunAsync(async token =>
                {
                    trialStarted.TrySetResult();
                    await gate.Task.WaitAsync(token);
                    return 200;
                });
            }
            catch (CircuitOpenException)
            {
                if (Interlocked.Increment(ref refused) == 19)
                {
                    nineteenDone.SetResult();
                }
            }
        })).ToList();

        await nineteenDone.Task.WaitAsync(Patience);
        await trialStarted.Task.WaitAsync(Patience);
        refused.Should().Be(19);
        _calls.Attempts.Should().Be(attemptsWhenOpened + 1, "only the trial reached the dependency");
        gate.SetResult();
        await Task.WhenAll(callers).WaitAsync(Patience);

        (await _silo.Breaker(_dependency).GetStatus()).State.Should().Be(CircuitState.HalfOpen, "the success threshold is two");
        await _calls.SucceedAsync();
        (await _silo.Breaker(_dependency).GetStatus()).State.Should().Be(CircuitState.Closed);
        await _calls.SucceedAsync();
        (await Actions()).Should().Equal("circuit_breaker.opened", "circuit_breaker.half_opened", "circuit_breaker.closed");
    }

    [Fact]
    public async Task A_failed_trial_reopens_the_breaker_for_another_break_duration()
    {
        await OpenAsync();
        _time.Advance(Break);

        await _calls.FailTimesAsync(1);

        var refusal = await FluentActions.Awaiting(_calls.SucceedAsync).Should().ThrowAsync<CircuitOpenException>();
        refusal.Which.RetryAfter.Should().Be(Break);
        var status = await _silo.Breaker(_dependency).GetStatus();
        status.State.Should().Be(CircuitState.Open);
        status.NextTrialAt.Should().Be(_time.GetUtcNow() + Break);
    }

    [Fact]
    public async Task Cancelled_calls_count_neither_as_success_nor_as_failure()
    {
        using var cancellation = new CancellationTokenSource();
        var running = _calls.HoldAsync(new TaskCompletionSource().Task, cancellation.Token);

        await cancellation.CancelAsync();
        await FluentActions.Awaiting(() => running).Should().ThrowAsync<OperationCanceledException>();
        await _silo.Guard.TickAsync().WaitAsync(Patience);

        (await _silo.Breaker(_dependency).GetStatus()).Throughput.Should().Be(0);
    }

    [Fact]
    public async Task An_isolated_breaker_refuses_every_call_until_an_administrator_resets_it()
    {
        await _calls.SucceedAsync();
        var isolated = _silo.NextNotification(_dependency, CircuitState.Isolated);
        await _silo.Breaker(_dependency).Isolate(new CircuitBreakerActor(null, null, null));
        await isolated.WaitAsync(Patience);
        _time.Advance(TimeSpan.FromMinutes(5));

        var refusal = await FluentActions.Awaiting(_calls.SucceedAsync).Should().ThrowAsync<CircuitOpenException>();
        refusal.Which.Message.Should().Contain("isolated");

        var closed = _silo.NextNotification(_dependency, CircuitState.Closed);
        await _silo.Breaker(_dependency).Reset(new CircuitBreakerActor(null, null, null));
        await closed.WaitAsync(Patience);
        (await _calls.SucceedAsync()).Should().Be(200);
        (await Actions()).Should().Equal("circuit_breaker.isolated", "circuit_breaker.reset");
    }

    private async Task OpenAsync()
    {
        var opened = _silo.NextNotification(_dependency, CircuitState.Open);
        await _calls.FailTimesAsync(5);
        await opened.WaitAsync(Patience);
    }

    private async Task<List<string>> Actions()
    {
        await using var command = database.DataSource.CreateCommand("SELECT action FROM audit_log WHERE resource_id = $1 ORDER BY id");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _dependency });
        var actions = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            actions.Add(reader.GetString(0));
        }

        return actions;
    }
}
