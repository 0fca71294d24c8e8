using MindPeeker.TestSupport;

namespace MindPeeker.Runtime.Tests.Statistics;

public interface IStatisticsProbeGrain : IGrainWithIntegerKey
{
    /// <summary>Takes <paramref name="milliseconds"/> of the silo's fake clock and succeeds.</summary>
    Task Work(int milliseconds);

    /// <summary>Takes <paramref name="milliseconds"/> of the silo's fake clock, then throws.</summary>
    Task Fail(int milliseconds);
}

/// <summary>A grain whose calls last exactly as long as the test says, by moving the silo's <see cref="FakeTimeProvider"/>.</summary>
public sealed class StatisticsProbeGrain(TimeProvider time) : Grain, IStatisticsProbeGrain
{
    public Task Work(int milliseconds)
    {
        Take(milliseconds);
        return Task.CompletedTask;
    }

    public async Task Fail(int milliseconds)
    {
        Take(milliseconds);
        await Task.Yield();
        throw new InvalidOperationException("The probe failed on purpose.");
    }

    /// <summary>On the real clock (cluster tests) a call of 0 ms just returns.</summary>
    private void Take(int milliseconds)
    {
        if (time is FakeTimeProvider fake)
        {
            fake.Advance(TimeSpan.FromMilliseconds(milliseconds));
        }
    }
}
