using Microsoft.Extensions.Logging;

namespace MindPeeker.Grains.Tests.Webhooks;

/// <summary>
/// Records the webhook grains' log events with their structured values, so a test awaits "attempt 3 was recorded"
/// (a signal, not a sleep). Thread safe.
/// </summary>
internal sealed class WebhookLogRecorder : ILoggerProvider, ILogger
{
    public const int AttemptRecorded = 6000;
    public const int EndpointDisabled = 6002;
    public const int NextAttemptScheduled = 6011;

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly Lock _lock = new();
    private readonly List<(int EventId, IReadOnlyDictionary<string, object?> Values)> _entries = [];
    private readonly List<(Func<IReadOnlyList<(int EventId, IReadOnlyDictionary<string, object?> Values)>, bool> Condition, TaskCompletionSource Signal)> _waiters = [];

    /// <summary>Completes once <paramref name="count"/> entries with <paramref name="eventId"/> whose <paramref name="key"/> is <paramref name="value"/> were logged.</summary>
    public Task WaitForAsync(int eventId, string key, object value, int count = 1)
    {
        bool Condition(IReadOnlyList<(int EventId, IReadOnlyDictionary<string, object?> Values)> entries) =>
            entries.Count(e => e.EventId == eventId && Equals(e.Values.GetValueOrDefault(key), value)) >= count;

        lock (_lock)
        {
            if (Condition(_entries))
            {
                return Task.CompletedTask;
            }

            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((Condition, signal));
            return WaitAsync(signal.Task, $"{eventId} with {key} = {value} (x{count})");
        }
    }

    private async Task WaitAsync(Task signal, string what)
    {
        try
        {
            await signal.WaitAsync(Patience);
        }
        catch (TimeoutException)
        {
            string seen;
            lock (_lock)
            {
                seen = string.Join("; ", _entries.TakeLast(12).Select(e => $"{e.EventId}: {string.Join(", ", e.Values.Select(v => $"{v.Key}={v.Value}"))}"));
            }

            throw new TimeoutException($"No log entry {what} within {Patience}. Last entries: {seen}");
        }
    }

    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (eventId.Id is < 6000 or > 6049 || state is not IReadOnlyList<KeyValuePair<string, object?>> values)
        {
            return;
        }

        lock (_lock)
        {
            _entries.Add((eventId.Id, values.ToDictionary(v => v.Key, v => v.Value)));
            foreach (var waiter in _waiters.Where(w => w.Condition(_entries)).ToList())
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
