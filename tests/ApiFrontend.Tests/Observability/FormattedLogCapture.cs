using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace MindPeeker.ApiFrontend.Tests.Observability;

/// <summary>
/// A logger provider added to a real host that renders every entry with the host's own console formatter (the one the
/// console logger would pick by name) into a <see cref="StringWriter"/>, exactly as the console logger does, and keeps
/// the lines. The console itself is process-wide, so tests read the formatter's output here instead. Thread-safe.
/// </summary>
internal sealed class FormattedLogCapture(Func<ConsoleFormatter> formatter) : ILoggerProvider, ISupportExternalScope
{
    // Resolved once, on the first entry (during start-up), so entries logged while the host shuts down still format.
    private readonly Lazy<ConsoleFormatter> _formatter = new(formatter);
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly Lock _lock = new();
    private readonly List<(Func<string, bool> Match, TaskCompletionSource Signal)> _waiters = [];
    private IExternalScopeProvider? _scopes;

    /// <summary>Every line written so far, in order.</summary>
    public IReadOnlyList<string> Lines => [.. _lines];

    /// <summary>Completes when a line matching <paramref name="match"/> has been written (before or after this call).</summary>
    public Task WaitForLineAsync(Func<string, bool> match, TimeSpan timeout)
    {
        lock (_lock)
        {
            if (_lines.Any(match))
            {
                return Task.CompletedTask;
            }

            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, signal));
            return signal.Task.WaitAsync(timeout);
        }
    }

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, this);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(string category, FormattedLogCapture owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => owner._scopes?.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            using var writer = new StringWriter();
            owner._formatter.Value.Write(new LogEntry<TState>(logLevel, category, eventId, state, exception, formatter), owner._scopes, writer);
            foreach (var line in writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                lock (owner._lock)
                {
                    owner._lines.Enqueue(line);
                    foreach (var waiter in owner._waiters.Where(w => w.Match(line)).ToList())
                    {
                        owner._waiters.Remove(waiter);
                        waiter.Signal.TrySetResult();
                    }
                }
            }
        }
    }
}
