namespace MindPeeker.Grains.Abstractions.Realtime;

/// <summary>
/// The silo-local list of front-end observers that session-update notifiers deliver to: the
/// single-silo stand-in for Orleans grain observers (<c>CreateObjectReference</c> plus the GPS
/// sample's <c>HubListGrain</c>). A front end co-hosted with the silo registers its observer here
/// for its lifetime. When front ends run in other processes (issue 4) this list becomes a grain
/// holding observer references that each front end re-registers periodically; the notifier's read
/// of <see cref="Current"/> is the seam that changes. Thread-safe; reads take no lock.
/// </summary>
public sealed class SessionUpdateObservers
{
    private readonly Lock _writeLock = new();
    private ISessionUpdateObserver[] _current = [];

    /// <summary>A snapshot of the observers registered now, in registration order.</summary>
    public IReadOnlyList<ISessionUpdateObserver> Current => Volatile.Read(ref _current);

    /// <summary>Adds <paramref name="observer"/> until the returned registration is disposed.</summary>
    public IDisposable Register(ISessionUpdateObserver observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        lock (_writeLock)
        {
            Volatile.Write(ref _current, [.. _current, observer]);
        }

        return new Registration(this, observer);
    }

    private void Unregister(ISessionUpdateObserver observer)
    {
        lock (_writeLock)
        {
            Volatile.Write(ref _current, [.. _current.Where(o => !ReferenceEquals(o, observer))]);
        }
    }

    private sealed class Registration(SessionUpdateObservers owner, ISessionUpdateObserver observer) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Unregister(observer);
            }
        }
    }
}
