using Microsoft.Extensions.Logging;

namespace MindPeeker.Runtime.Logging;

/// <summary>
/// Appends entries of one category to the process's <see cref="LogRingBuffer"/>. Below the tail's minimum level it
/// reports itself disabled, so nothing is formatted; a kept entry costs one formatting, a scan of its properties and
/// scopes, the redaction and a short lock.
/// </summary>
internal sealed class LogTailLogger(string category, LogTailLoggerProvider provider) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => provider.Scopes.Push(state);

    public bool IsEnabled(LogLevel logLevel) => logLevel >= provider.MinimumLevel && logLevel != LogLevel.None;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel))
        {
            return;
        }

        var context = new LogEntryContext();
        context.Visit(state);
        provider.Scopes.ForEachScope(static (scope, c) => c.Visit(scope), context);
        var message = LogRedaction.Redact(formatter(state, exception), context.SensitiveValues);
        var exceptionMessage = exception is null ? null : LogRedaction.Redact(exception.Message, context.SensitiveValues);
        var timestamp = provider.Time.GetUtcNow();
        provider.Buffer.Append(sequence => new LogTailEntry(
            sequence,
            timestamp,
            LogLevelNames.Of(logLevel),
            category,
            eventId.Id,
            eventId.Name,
            message,
            context.ResolveGrainType(category),
            context.GrainId,
            context.SessionId,
            exception?.GetType().FullName,
            exceptionMessage));
    }
}
