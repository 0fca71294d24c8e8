using MindPeeker.Grains.Abstractions.Resilience;
using MindPeeker.TestSupport;

namespace MindPeeker.Grains.Tests.Resilience;

public sealed class BulkheadTests(PostgreSqlTestDatabase database) : IClassFixture<PostgreSqlTestDatabase>, IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly FakeTimeProvider _time = new();
    private readonly string _dependency = $"webhook:{Guid.NewGuid():N}";
    private BreakerSilo _silo = null!;
    private GuardedCalls _calls = null!;

    public async Task InitializeAsync()
    {
        _silo = await BreakerSilo.StartAsync(database, _time, new Dictionary<string, string?>
        {
            ["Resilience:Bulkheads:MaxConcurrent"] = "2",
            ["Resilience:Bulkheads:MaxQueue"] = "1",
            ["Resilience:Bulkheads:QueueTimeout"] = "00:00:05",
            ["Resilience:Bulkheads:Overrides:0:Prefix"] = "ai:",
            ["Resilience:Bulkheads:Overrides:0:MaxQueue"] = "0",
        });
        _calls = new GuardedCalls(_silo.Guard, _dependency);
    }

    public async Task DisposeAsync() => await _silo.DisposeAsync();

    [Fact]
    public async Task At_most_max_concurrent_calls_run_max_queue_wait_and_the_rest_are_refused_unattempted()
    {
        await _calls.SucceedAsync();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = new[] { _calls.HoldAsync(gate.Task), _calls.HoldAsync(gate.Task) };
        var queued = _calls.HoldAsync(gate.Task);

        var refusal = await FluentActions.Awaiting(_calls.SucceedAsync).Should().ThrowAsync<BulkheadRejectedException>();

        refusal.Which.Dependency.Should().Be(_dependency);
        _calls.Attempts.Should().Be(3, "the queued call waits and the refused one never runs");
        queued.IsCompleted.Should().BeFalse();
        gate.SetResult();
        (await Task.WhenAll([.. running, queued]).WaitAsync(Patience)).Should().OnlyContain(status => status == 200);
        _calls.Attempts.Should().Be(4);
    }

    [Fact]
    public async Task A_queued_call_is_refused_once_the_queue_timeout_passes_and_the_refusal_is_no_failure()
    {
        await _calls.SucceedAsync();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = new[] { _calls.HoldAsync(gate.Task), _calls.HoldAsync(gate.Task) };
        var queued = _calls.HoldAsync(gate.Task);

        _time.Advance(TimeSpan.FromSeconds(5));

        await FluentActions.Awaiting(() => queued.WaitAsync(Patience)).Should().ThrowAsync<BulkheadRejectedException>();
        gate.SetResult();
        await Task.WhenAll(running).WaitAsync(Patience);
        await _silo.Guard.TickAsync().WaitAsync(Patience);
        var status = await _silo.Breaker(_dependency).GetStatus();
        status.Throughput.Should().Be(3);
        status.Failures.Should().Be(0);
    }

    [Fact]
    public async Task A_prefix_override_applies_its_own_limits()
    {
        var ai = new GuardedCalls(_silo.Guard, $"ai:nim:{Guid.NewGuid():N}");
        await ai.SucceedAsync();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = new[] { ai.HoldAsync(gate.Task), ai.HoldAsync(gate.Task) };

        await FluentActions.Awaiting(ai.SucceedAsync).Should().ThrowAsync<BulkheadRejectedException>("the ai: override allows no queue");

        gate.SetResult();
        await Task.WhenAll(running).WaitAsync(Patience);
    }
}
