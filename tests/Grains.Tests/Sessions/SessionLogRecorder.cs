using Microsoft.Extensions.Logging;

namespace MindPeeker.Grains.Tests.Sessions;

/// <summary>
/// A logger provider that lets a test await a log entry of one session, such as PostgreSQL refusing
/// one of its writes (a signal, not a sleep). Thread-safe.
/// </summary>
internal sealed class SessionLogRecorder : ILoggerProvider, ILogger
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly Lock _lock = new();
    private readonly List<(int EventId, Guid SessionId)> _entries = [];
    private readonly List<(int EventId, Guid SessionId, TaskCompletionSource Signal)> _waiters = [];

    /// <summary>Completes once an entry with <paramref name="eventId"/> about <paramref name="sessionId"/> was logged, before or after the call.</summary>
    public Task WaitForAsync(int eventId, Guid sessionId)
    {
        lock (_lock)
        {
            if (_entries.Contains((eventId, sessionId)))
            {
                return Task.CompletedTask;
            }

            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((eventId, sessionId, signal));
            return signal.Task.WaitAsync(Patience);
        }
    }

    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (state is not IReadOnlyList<KeyValuePair<string, object?>> values
            || values.FirstOrDefault(v => v.Key == "SessionId").Value is not Guid sessionId)
        {
            return;
        }

        lock (_lock)
        {
            _entries.Add((eventId.Id, sessionId));
            foreach (var waiter in _waiters.Where(w => w.EventId == eventId.Id && w.SessionId == sessionId).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Signal.TrySetResult();
            }
        }
    }

    public void Dispose()
    {
    }
}
