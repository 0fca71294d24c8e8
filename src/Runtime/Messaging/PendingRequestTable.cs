using System.Collections.Concurrent;

namespace MindPeeker.Runtime.Messaging;

/// <summary>
/// The requests of one connection waiting for responses, keyed by request id. Deadlines are checked by
/// one periodic scan (not a timer per request), so a request times out between its timeout and its timeout
/// plus <see cref="TransportOptions.DeadlineScanInterval"/>. The same scan watches the <see cref="ResponseBatch"/>es
/// being delivered, so a blocked response handler holds up the rest of its batch for at most about one interval.
/// Thread-safe.
/// </summary>
internal sealed class PendingRequestTable : IDisposable
{
    private readonly ConcurrentDictionary<long, PendingRequest> _pending = new();
    private readonly TimeProvider _timeProvider;
    private readonly Func<string> _describeRemote;
    private readonly Action _onRemoved;
    private readonly ITimer _deadlineScan;
    private readonly List<ResponseBatch> _delivering = [];
    private readonly Action<ResponseBatch> _batchTaken;
    private readonly Action? _onScan;

    public PendingRequestTable(TimeProvider timeProvider, TimeSpan scanInterval, Func<string> describeRemote, Action onRemoved, Action? onScan = null)
    {
        _onScan = onScan;
        _timeProvider = timeProvider;
        _describeRemote = describeRemote;
        _onRemoved = onRemoved;
        _batchTaken = batch =>
        {
            lock (_delivering)
            {
                _delivering.Remove(batch);
            }
        };
        _deadlineScan = timeProvider.CreateTimer(static state => ((PendingRequestTable)state!).ExpireOverdue(), this, scanInterval, scanInterval);
    }

    public int Count => _pending.Count;

    /// <summary>Registers <paramref name="request"/>; its outcome goes to <paramref name="handler"/> when given, else to the returned entry's task.</summary>
    public PendingRequest Add(Message request, TimeSpan timeout, IResponseHandler? handler = null)
    {
        var deadline = timeout == Timeout.InfiniteTimeSpan
            ? long.MaxValue
            : _timeProvider.GetTimestamp() + (long)(timeout.TotalSeconds * _timeProvider.TimestampFrequency);
        var pending = new PendingRequest(request, deadline, timeout, handler);
        _pending[request.Id] = pending;
        return pending;
    }

    /// <summary>
    /// Completes the request <paramref name="response"/> answers: an awaited one here and now, one with a handler by
    /// adding it to <paramref name="batch"/> (created when null) for the caller to run off the reader loop. False when
    /// none waits for it any more (timed out, cancelled, or unknown).
    /// </summary>
    public bool TryComplete(Message response, ref ResponseBatch? batch)
    {
        if (!_pending.TryRemove(response.Id, out var pending))
        {
            return false;
        }

        if (pending.Handler is { } handler)
        {
            (batch ??= new ResponseBatch(_batchTaken)).Add(handler, response);
        }
        else
        {
            pending.Cancellation.Unregister();
            pending.TrySetResult(response);
        }

        _onRemoved();
        return true;
    }

    /// <summary>Hands a batch filled by <see cref="TryComplete"/> to the thread pool, watched until its last response is taken.</summary>
    public void Deliver(ResponseBatch batch)
    {
        lock (_delivering)
        {
            _delivering.Add(batch);
        }

        ThreadPool.UnsafeQueueUserWorkItem(batch, preferLocal: true);
    }

    public void Cancel(long id, CancellationToken cancellationToken)
    {
        if (_pending.TryRemove(id, out var pending))
        {
            pending.TrySetCanceled(cancellationToken);
            _onRemoved();
        }
    }

    public void Forget(long id) => TryForget(id);

    /// <summary>Removes a request without completing it; false when it was not waiting any more.</summary>
    public bool TryForget(long id)
    {
        if (!_pending.TryRemove(id, out var pending))
        {
            return false;
        }

        pending.Cancellation.Unregister();
        _onRemoved();
        return true;
    }

    /// <summary>Fails every waiting request, each with its own exception from <paramref name="failure"/>.</summary>
    public void FailAll(Func<PendingRequest, Exception> failure)
    {
        foreach (var (id, _) in _pending)
        {
            if (_pending.TryRemove(id, out var pending))
            {
                pending.Cancellation.Unregister();
                pending.Fail(failure(pending));
            }
        }

        _onRemoved();
    }

    public void Dispose() => _deadlineScan.Dispose();

    private void ExpireOverdue()
    {
        _onScan?.Invoke();
        lock (_delivering)
        {
            foreach (var batch in _delivering)
            {
                batch.RescueIfStalled();
            }
        }

        var now = _timeProvider.GetTimestamp();
        var expired = false;
        foreach (var (id, candidate) in _pending)
        {
            if (candidate.Deadline <= now && _pending.TryRemove(id, out var pending))
            {
                pending.Cancellation.Unregister();
                pending.Fail(new TimeoutException(
                    $"No response to {Describe(pending.Request)} from {_describeRemote()} within {pending.Timeout}."));
                expired = true;
            }
        }

        if (expired)
        {
            _onRemoved();
        }
    }

    internal static string Describe(Message request) => request.Kind == MessageKind.Ping
        ? $"ping {request.Id}"
        : $"request {request.Id} ({request.InterfaceName}.{request.MethodName} on {request.TargetGrain})";
}
