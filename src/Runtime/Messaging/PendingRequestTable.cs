using System.Collections.Concurrent;

namespace MindPeeker.Runtime.Messaging;

/// <summary>
/// The requests of one connection waiting for responses, keyed by request id. Deadlines are checked by
/// one periodic scan (not a timer per request), so a request times out between its timeout and its timeout
/// plus <see cref="TransportOptions.DeadlineScanInterval"/>. Thread-safe.
/// </summary>
internal sealed class PendingRequestTable : IDisposable
{
    private readonly ConcurrentDictionary<long, PendingRequest> _pending = new();
    private readonly TimeProvider _timeProvider;
    private readonly Func<string> _describeRemote;
    private readonly Action _onRemoved;
    private readonly ITimer _deadlineScan;

    public PendingRequestTable(TimeProvider timeProvider, TimeSpan scanInterval, Func<string> describeRemote, Action onRemoved)
    {
        _timeProvider = timeProvider;
        _describeRemote = describeRemote;
        _onRemoved = onRemoved;
        _deadlineScan = timeProvider.CreateTimer(static state => ((PendingRequestTable)state!).ExpireOverdue(), this, scanInterval, scanInterval);
    }

    public int Count => _pending.Count;

    public PendingRequest Add(Message request, TimeSpan timeout)
    {
        var deadline = timeout == Timeout.InfiniteTimeSpan
            ? long.MaxValue
            : _timeProvider.GetTimestamp() + (long)(timeout.TotalSeconds * _timeProvider.TimestampFrequency);
        var pending = new PendingRequest(request, deadline, timeout);
        _pending[request.Id] = pending;
        return pending;
    }

    /// <summary>Completes the request <paramref name="response"/> answers; false when none waits for it any more (timed out, cancelled, or unknown).</summary>
    public bool TryComplete(Message response)
    {
        if (!_pending.TryRemove(response.Id, out var pending))
        {
            return false;
        }

        pending.Cancellation.Unregister();
        pending.TrySetResult(response);
        _onRemoved();
        return true;
    }

    public void Cancel(long id, CancellationToken cancellationToken)
    {
        if (_pending.TryRemove(id, out var pending))
        {
            pending.TrySetCanceled(cancellationToken);
            _onRemoved();
        }
    }

    public void Forget(long id)
    {
        if (_pending.TryRemove(id, out var pending))
        {
            pending.Cancellation.Unregister();
            _onRemoved();
        }
    }

    /// <summary>Fails every waiting request, each with its own exception from <paramref name="failure"/>.</summary>
    public void FailAll(Func<PendingRequest, Exception> failure)
    {
        foreach (var (id, _) in _pending)
        {
            if (_pending.TryRemove(id, out var pending))
            {
                pending.Cancellation.Unregister();
                pending.TrySetException(failure(pending));
            }
        }

        _onRemoved();
    }

    public void Dispose() => _deadlineScan.Dispose();

    private void ExpireOverdue()
    {
        var now = _timeProvider.GetTimestamp();
        var expired = false;
        foreach (var (id, candidate) in _pending)
        {
            if (candidate.Deadline <= now && _pending.TryRemove(id, out var pending))
            {
                pending.Cancellation.Unregister();
                pending.TrySetException(new TimeoutException(
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
