using Microsoft.Extensions.Logging.Abstractions;
using MindPeeker.Grains.Analysis;
using MindPeeker.TestSupport;

namespace MindPeeker.Grains.Tests.Analysis;

/// <summary>The batching core on a fake clock: when batches run, how big they get, and how failures and cancellations spread.</summary>
public sealed class InferenceBatcherTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromMilliseconds(5);
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);

    private readonly FakeTimeProvider _clock = new();
    private readonly List<int[]> _batches = [];

    [Fact]
    public async Task A_lone_request_runs_once_MaxBatchWait_has_passed_and_not_before()
    {
        using var batcher = Create(maxBatchSize: 64);

        var task = batcher.SubmitAsync(7);
        _clock.Advance(Wait - TimeSpan.FromTicks(1));

        task.IsCompleted.Should().BeFalse();
        batcher.Statistics.BatchesRun.Should().Be(0);
        _clock.ActiveTimerCount.Should().Be(1, "the batch waits for company");

        _clock.Advance(TimeSpan.FromTicks(1));
        (await task.WaitAsync(Generous, TimeProvider.System)).Should().Be(70);
        RunBatches().Should().BeEquivalentTo(new[] { new[] { 7 } }, o => o.WithStrictOrdering());
    }

    [Fact]
    public async Task A_full_batch_runs_at_once_without_waiting_for_the_clock()
    {
        using var batcher = Create(maxBatchSize: 8);

        var tasks = Enumerable.Range(1, 8).Select(i => batcher.SubmitAsync(i)).ToArray();
        var results = await Task.WhenAll(tasks).WaitAsync(Generous, TimeProvider.System);

        results.Should().Equal(10, 20, 30, 40, 50, 60, 70, 80);
        RunBatches().Should().ContainSingle().Which.Should().Equal(1, 2, 3, 4, 5, 6, 7, 8);
        _clock.ActiveTimerCount.Should().Be(0, "a dispatched batch's wait timer is dropped");
    }

    [Fact]
    public async Task No_batch_is_larger_than_MaxBatchSize_and_the_remainder_waits_for_its_own_timer()
    {
        using var batcher = Create(maxBatchSize: 5);

        var tasks = Enumerable.Range(1, 12).Select(i => batcher.SubmitAsync(i)).ToArray();
        await Task.WhenAll(tasks.Take(10)).WaitAsync(Generous, TimeProvider.System);
        tasks[10].IsCompleted.Should().BeFalse();
        tasks[11].IsCompleted.Should().BeFalse();

        _clock.Advance(Wait);
        var results = await Task.WhenAll(tasks).WaitAsync(Generous, TimeProvider.System);

        results.Should().Equal(Enumerable.Range(1, 12).Select(i => i * 10));
        RunBatches().Select(b => b.Length).Should().BeEquivalentTo([5, 5, 2]);
        batcher.Statistics.LargestBatch.Should().Be(5);
        batcher.Statistics.BatchesRun.Should().Be(3);
        batcher.Statistics.ItemsRun.Should().Be(12);
    }

    [Fact]
    public async Task A_failing_batch_fails_all_its_callers_with_the_cause_and_the_next_batch_works()
    {
        var calls = 0;
        using var batcher = new InferenceBatcher<int, int>(
            "model-x",
            items => Interlocked.Increment(ref calls) == 1 ? throw new InvalidOperationException("device lost") : [.. items.Select(i => -i)],
            maxBatchSize: 4,
            Wait,
            _clock,
            NullLogger.Instance);

        var failed = Enumerable.Range(1, 4).Select(i => batcher.SubmitAsync(i)).ToArray();
        foreach (var task in failed)
        {
            var act = () => task.WaitAsync(Generous, TimeProvider.System);
            (await act.Should().ThrowAsync<InferenceBatchException>())
                .WithMessage("Inference on 'model-x' failed for the batch of 4 this request ran in: device lost")
                .WithInnerException<InvalidOperationException>();
        }

        var next = await Task.WhenAll(Enumerable.Range(1, 4).Select(i => batcher.SubmitAsync(i))).WaitAsync(Generous, TimeProvider.System);

        next.Should().Equal(-1, -2, -3, -4);
        batcher.Statistics.FailedBatches.Should().Be(1);
        batcher.Statistics.BatchesRun.Should().Be(2);
    }

    [Fact]
    public async Task A_caller_cancelled_before_its_batch_runs_is_left_out_and_the_others_get_their_results()
    {
        using var batcher = Create(maxBatchSize: 64);
        using var cancel = new CancellationTokenSource();

        var first = batcher.SubmitAsync(1);
        var cancelled = batcher.SubmitAsync(2, cancel.Token);
        var third = batcher.SubmitAsync(3);
        await cancel.CancelAsync();
        _clock.Advance(Wait);

        await FluentActions.Awaiting(() => cancelled).Should().ThrowAsync<OperationCanceledException>();
        (await first.WaitAsync(Generous, TimeProvider.System)).Should().Be(10);
        (await third.WaitAsync(Generous, TimeProvider.System)).Should().Be(30);
        RunBatches().Should().ContainSingle().Which.Should().Equal(1, 3);
    }

    [Fact]
    public async Task Requests_waiting_when_the_batcher_is_disposed_fail_instead_of_hanging()
    {
        var batcher = Create(maxBatchSize: 64);
        var waiting = batcher.SubmitAsync(1);

        batcher.Dispose();

        await FluentActions.Awaiting(() => waiting.WaitAsync(Generous, TimeProvider.System)).Should().ThrowAsync<ObjectDisposedException>();
        await FluentActions.Awaiting(() => batcher.SubmitAsync(2)).Should().ThrowAsync<ObjectDisposedException>();
        RunBatches().Should().BeEmpty();
    }

    private InferenceBatcher<int, int> Create(int maxBatchSize) =>
        new("test-model", items =>
            {
                lock (_batches)
                {
                    _batches.Add([.. items]);
                }

                return [.. items.Select(i => i * 10)];
            },
            maxBatchSize,
            Wait,
            _clock,
            NullLogger.Instance);

    private List<int[]> RunBatches()
    {
        lock (_batches)
        {
            return [.. _batches];
        }
    }
}
