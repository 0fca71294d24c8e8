namespace MindPeeker.Runtime.Tests.Grains;

public interface IThreadProbeGrain : IGrainWithIntegerKey
{
    Task Spin(int iterations);

    [AlwaysInterleave]
    Task<int> Violations();

    Task<bool> ResumesOnActivationScheduler();
}

/// <summary>Reentrant, yet its code must never run on two threads at once.</summary>
[Reentrant]
public sealed class ThreadProbeGrain : Grain, IThreadProbeGrain
{
    private int _executing;
    private int _violations;

    public async Task Spin(int iterations)
    {
        for (var i = 0; i < iterations; i++)
        {
            if (Interlocked.Increment(ref _executing) != 1)
            {
                Interlocked.Increment(ref _violations);
            }

            Thread.SpinWait(200);
            Interlocked.Decrement(ref _executing);
            await Task.Yield();
        }
    }

    public Task<int> Violations() => Task.FromResult(Volatile.Read(ref _violations));

    public async Task<bool> ResumesOnActivationScheduler()
    {
        var before = TaskScheduler.Current;
        await Task.Yield();
        return SynchronizationContext.Current is null && ReferenceEquals(TaskScheduler.Current, before) && before != TaskScheduler.Default;
    }
}
