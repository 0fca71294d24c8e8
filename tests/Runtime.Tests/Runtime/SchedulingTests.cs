using MindPeeker.Runtime.Tests.Grains;

namespace MindPeeker.Runtime.Tests.Runtime;

public sealed class SchedulingTests
{
    [Fact]
    public async Task A_non_reentrant_grain_starts_no_second_call_while_the_first_awaits()
    {
        await using var silo = await RuntimeTestSilo.StartAsync();
        var grain = silo.Grains.GetGrain<INonReentrantProbeGrain>("solo");

        var first = grain.Hold("a");
        await silo.Ledger.WaitFor("enter:a");
        var second = grain.Hold("b");

        silo.Activation(grain).WaitingCount.Should().Be(1, "the second call waits while the first awaits");
        silo.Ledger.Count("enter:b").Should().Be(0);

        silo.Ledger.Open("a");
        await first;
        await silo.Ledger.WaitFor("enter:b");
        silo.Ledger.Open("b");
        await second;

        silo.Ledger.Events.Should().Equal("enter:a", "exit:a", "enter:b", "exit:b");
        silo.Ledger.MaxConcurrent.Should().Be(1);
    }

    [Fact]
    public async Task Many_concurrent_calls_on_a_non_reentrant_grain_never_overlap()
    {
        await using var silo = await RuntimeTestSilo.StartAsync();
        var grain = silo.Grains.GetGrain<INonReentrantProbeGrain>("busy");
        for (var i = 0; i < 50; i++)
        {
            silo.Ledger.Open($"n{i}");
        }

        await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(() => grain.Hold($"n{i}"))));

        silo.Ledger.MaxConcurrent.Should().Be(1);
        silo.Ledger.Count("enter:n49").Should().Be(1);
    }

    [Fact]
    public async Task A_reentrant_grain_interleaves_calls_at_await_points()
    {
        await using var silo = await RuntimeTestSilo.StartAsync();
        var grain = silo.Grains.GetGrain<IReentrantProbeGrain>("shared");

        var first = grain.Hold("a");
        var second = grain.Hold("b");
        await Task.WhenAll(silo.Ledger.WaitFor("enter:a"), silo.Ledger.WaitFor("enter:b"));

        silo.Ledger.MaxConcurrent.Should().Be(2);
        silo.Ledger.Open("a");
        silo.Ledger.Open("b");
        await Task.WhenAll(first, second);
    }

    [Fact]
    public async Task AlwaysInterleave_methods_run_beside_a_blocked_call_on_a_non_reentrant_grain()
    {
        await using var silo = await RuntimeTestSilo.StartAsync();
        var grain = silo.Grains.GetGrain<INonReentrantProbeGrain>("interleave");

        var blocked = grain.Hold("a");
        await silo.Ledger.WaitFor("enter:a");
        var interleaved = grain.InterleaveHold("i");
        await silo.Ledger.WaitFor("enter:i");

        silo.Ledger.Open("i");
        await interleaved;
        silo.Ledger.Count("exit:a").Should().Be(0, "the interleaving call finished while the first was still blocked");
        silo.Ledger.Open("a");
        await blocked;
    }

    [Fact]
    public async Task ReadOnly_calls_interleave_with_each_other_but_not_with_ordinary_calls()
    {
        await using var silo = await RuntimeTestSilo.StartAsync();
        var grain = silo.Grains.GetGrain<INonReentrantProbeGrain>("reader");

        var read1 = grain.ReadHold("r1");
        var read2 = grain.ReadHold("r2");
        await Task.WhenAll(silo.Ledger.WaitFor("enter:r1"), silo.Ledger.WaitFor("enter:r2"));
        var write = grain.Hold("w");
        var read3 = grain.ReadHold("r3");

        var activation = silo.Activation(grain);
        activation.RunningCount.Should().Be(2);
        activation.WaitingCount.Should().Be(2, "the ordinary call waits for the readers, and the reader behind it waits its turn");

        silo.Ledger.Open("r1");
        silo.Ledger.Open("r2");
        await Task.WhenAll(read1, read2);
        await silo.Ledger.WaitFor("enter:w");
        activation.WaitingCount.Should().Be(1, "a read-only call does not interleave with an ordinary one");
        silo.Ledger.Count("enter:r3").Should().Be(0);

        silo.Ledger.Open("w");
        silo.Ledger.Open("r3");
        await Task.WhenAll(write, read3);
        silo.Ledger.Events.Should().ContainInOrder("exit:w", "enter:r3");
    }
}

public sealed class SingleThreadedExecutionTests
{
    [Fact]
    public async Task A_reentrant_grain_never_runs_on_two_threads_at_once()
    {
        await using var silo = await RuntimeTestSilo.StartAsync();
        var grain = silo.Grains.GetGrain<IThreadProbeGrain>(1);

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => grain.Spin(50))));

        (await grain.Violations()).Should().Be(0);
    }

    [Fact]
    public async Task Grain_code_resumes_on_its_activation_even_when_called_from_a_synchronization_context()
    {
        await using var silo = await RuntimeTestSilo.StartAsync();
        var grain = silo.Grains.GetGrain<IThreadProbeGrain>(2);
        var context = new RecordingSynchronizationContext();

        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(context);
        Task<bool> call;
        try
        {
            call = grain.ResumesOnActivationScheduler();
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }

        (await call).Should().BeTrue();
        context.Posts.Should().Be(0, "the caller's context must never run grain code");
    }

    private sealed class RecordingSynchronizationContext : SynchronizationContext
    {
        private int _posts;

        public int Posts => Volatile.Read(ref _posts);

        public override void Post(SendOrPostCallback d, object? state)
        {
            Interlocked.Increment(ref _posts);
            ThreadPool.QueueUserWorkItem(_ => d(state));
        }
    }
}
