using MindPeeker.Runtime;

namespace MindPeeker.Benchmarks.LocalCalls;

public interface IPingGrain : IGrainWithIntegerKey
{
    ValueTask<int> Ping(int value);
}

/// <summary>
/// The benchmarked method: a state change around one real asynchronous step, so every call is
/// genuinely in flight at once (a method that always completes synchronously would leave nothing
/// concurrent to measure).
/// </summary>
public sealed class PingGrain : Grain, IPingGrain
{
    private int _total;

    public async ValueTask<int> Ping(int value)
    {
        await Task.Yield();
        _total += value;
        return _total;
    }
}
