namespace MindPeeker.Runtime.Messaging;

/// <summary>
/// The responses with an <see cref="IResponseHandler"/> that the reader loop parsed from one read, delivered by one
/// thread-pool work item instead of one each: a handler may run its caller's continuation inline, so the callers
/// answered together resume together (and their next requests leave together) for one thread-pool hop, not one per
/// call. Such a continuation is user code that might block; <see cref="RescueIfStalled"/>, called periodically, puts
/// another worker on the rest of a batch that made no progress since the last call, so a blocked handler delays the
/// responses behind it by at most about one period and one waiting synchronously for a later response of its own batch
/// does not deadlock. Filled by one thread, then run by any number of workers; each item is delivered exactly once.
/// </summary>
internal sealed class ResponseBatch(Action<ResponseBatch> allTaken) : IThreadPoolWorkItem
{
    private (IResponseHandler Handler, Message Response)[] _items = new (IResponseHandler, Message)[8];
    private int _count;
    private int _next;
    private int _progressSeen = -1;

    /// <summary>Adds one response; only before the batch is queued.</summary>
    public void Add(IResponseHandler handler, Message response)
    {
        if (_count == _items.Length)
        {
            Array.Resize(ref _items, _count * 2);
        }

        _items[_count++] = (handler, response);
    }

    /// <summary>
    /// Queues another worker for the rest of the batch when no item was taken since the last call (a handler is
    /// blocked, or the thread pool is starved) and some are left. Called by one thread at a time.
    /// </summary>
    public void RescueIfStalled()
    {
        var next = Volatile.Read(ref _next);
        if (next >= _count || next != _progressSeen)
        {
            _progressSeen = next;
            return;
        }

        ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
    }

    void IThreadPoolWorkItem.Execute()
    {
        // The callers resumed here send their next requests in one write per connection.
        var holding = FlushHold.Begin();
        try
        {
            while (true)
            {
                var index = Interlocked.Increment(ref _next) - 1;
                if (index >= _count)
                {
                    return;
                }

                if (index == _count - 1)
                {
                    allTaken(this);
                }

                var (handler, response) = _items[index];
                _items[index] = default;
                handler.OnResponse(response);
            }
        }
        finally
        {
            if (holding)
            {
                FlushHold.End();
            }
        }
    }
}
