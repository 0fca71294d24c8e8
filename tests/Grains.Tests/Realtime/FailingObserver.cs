using MindPeeker.Grains.Abstractions.Realtime;
using MindPeeker.Grains.Abstractions.Sessions;

namespace MindPeeker.Grains.Tests.Realtime;

/// <summary>A front end whose every delivery fails, as a host that went away would.</summary>
internal sealed class FailingObserver : ISessionUpdateObserver
{
    private int _attempts;

    public int Attempts => Volatile.Read(ref _attempts);

    public Task OnSessionUpdates(IReadOnlyList<SessionUpdate> batch)
    {
        Interlocked.Increment(ref _attempts);
        throw new InvalidOperationException("The front end is gone.");
    }
}
