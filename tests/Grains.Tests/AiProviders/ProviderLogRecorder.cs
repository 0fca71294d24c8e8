using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace MindPeeker.Grains.Tests.AiProviders;

/// <summary>Keeps every log entry of a silo and lets a test await the next entry with a given event id.</summary>
internal sealed class ProviderLogRecorder : ILoggerProvider
{
    private readonly ConcurrentQueue<Entry> _entries = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<Entry>> _waiters = new();

    public IReadOnlyList<Entry> Entries => [.. _entries];

    /// <summary>Completes with the next entry of <paramref name="eventId"/> logged after this call.</summary>
    public Task<Entry> Next(int eventId) =>
        _waiters.GetOrAdd(eventId, _ => new TaskCompletionSource<Entry>(TaskCreationOptions.RunContinuationsAsynchronously)).Task
            .WaitAsync(TimeSpan.FromSeconds(30));

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    internal sealed record Entry(LogLevel Level, int EventId, string Message);

    private sealed class Logger(ProviderLogRecorder owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var entry = new Entry(logLevel, eventId.Id, formatter(state, exception) + (exception is null ? string.Empty : " " + exception));
            owner._entries.Enqueue(entry);
            if (owner._waiters.TryRemove(eventId.Id, out var waiter))
            {
                waiter.TrySetResult(entry);
            }
        }
    }
}
