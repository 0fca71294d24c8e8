namespace MindPeeker.TestSupport.Http;

/// <summary>
/// What a test server received, in arrival order, and waiters on it: <see cref="WaitForAsync"/> completes as soon as an
/// arrival makes its condition true, so tests wait on real events (with a generous timeout), never poll or sleep.
/// Thread-safe.
/// </summary>
/// <typeparam name="T">One arrival.</typeparam>
public sealed class ArrivalLog<T>
{
    private readonly Lock _lock = new();
    private readonly List<T> _items = [];
    private readonly List<(Func<IReadOnlyList<T>, bool> Condition, TaskCompletionSource Signal)> _waiters = [];

    /// <summary>A copy of everything so far, in arrival order.</summary>
    public IReadOnlyList<T> Items
    {
        get
        {
            lock (_lock)
            {
                return [.. _items];
            }
        }
    }

    /// <summary>Records <paramref name="item"/> and releases the waiters whose condition now holds.</summary>
    public void Add(T item)
    {
        lock (_lock)
        {
            _items.Add(item);
            foreach (var waiter in _waiters.Where(w => w.Condition(_items)).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Signal.TrySetResult();
            }
        }
    }

    /// <summary>
    /// Completes with everything received once it satisfies <paramref name="condition"/>; throws
    /// <see cref="TimeoutException"/> (saying how many arrived) after <paramref name="timeout"/>.
    /// </summary>
    public async Task<IReadOnlyList<T>> WaitForAsync(Func<IReadOnlyList<T>, bool> condition, TimeSpan timeout)
    {
        var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            if (condition(_items))
            {
                return [.. _items];
            }

            _waiters.Add((condition, signal));
        }

        try
        {
            await signal.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The expected requests did not arrive within {timeout}; {Items.Count} arrived.");
        }

        return Items;
    }
}
