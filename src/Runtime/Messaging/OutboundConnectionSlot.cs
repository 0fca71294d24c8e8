using Microsoft.Extensions.Logging;

namespace MindPeeker.Runtime.Messaging;

/// <summary>
/// The outgoing connection to one target. Concurrent callers share one connect attempt; after a failure,
/// attempts within the back-off window (doubling per consecutive failure) fail fast with the last error, so
/// callers of a dead silo don't each wait out a connect timeout. Thread-safe.
/// </summary>
internal sealed class OutboundConnectionSlot(string target, Func<Task<MessageConnection>> connect, TransportOptions options, TimeProvider timeProvider, ILogger logger)
{
    private readonly Lock _lock = new();
    private volatile MessageConnection? _current;
    private Task<MessageConnection>? _connecting;
    private Exception? _lastFailure;
    private long _lastFailureAt;
    private TimeSpan _backoff;
    private int _failures;

    /// <summary>The open connection, when there is one that still takes requests.</summary>
    public MessageConnection? Current => _current is { IsConnected: true } current ? current : null;

    public Task<MessageConnection> GetOrConnectAsync()
    {
        lock (_lock)
        {
            if (Current is { } current)
            {
                return Task.FromResult(current);
            }

            if (_connecting is not null)
            {
                return _connecting;
            }

            if (_lastFailure is not null)
            {
                var since = timeProvider.GetElapsedTime(_lastFailureAt);
                if (since < _backoff)
                {
                    return Task.FromException<MessageConnection>(new ConnectionFailedException(
                        $"Not connecting to {target}: the last attempt failed {since.TotalMilliseconds:0} ms ago ({_lastFailure.Message}); the next attempt is allowed in {(_backoff - since).TotalMilliseconds:0} ms.",
                        _lastFailure));
                }
            }

            _connecting = ConnectAsync();
            return _connecting;
        }
    }

    public MessageConnection? Detach()
    {
        lock (_lock)
        {
            var current = _current;
            _current = null;
            return current;
        }
    }

    private async Task<MessageConnection> ConnectAsync()
    {
        await Task.Yield();
        try
        {
            var connection = await connect().ConfigureAwait(false);
            lock (_lock)
            {
                _current = connection;
                _connecting = null;
                _failures = 0;
                _lastFailure = null;
            }

            return connection;
        }
        catch (Exception exception)
        {
            var failure = exception as ConnectionFailedException ?? new ConnectionFailedException($"Connecting to {target} failed: {exception.Message}", exception);
            lock (_lock)
            {
                _failures++;
                var doubled = options.MinReconnectBackoff * Math.Pow(2, Math.Min(_failures - 1, 30));
                _backoff = doubled < options.MaxReconnectBackoff ? doubled : options.MaxReconnectBackoff;
                _lastFailure = failure;
                _lastFailureAt = timeProvider.GetTimestamp();
                _connecting = null;
                MessagingLog.ConnectFailed(logger, failure, target, _failures, _backoff);
            }

            throw failure;
        }
    }
}
