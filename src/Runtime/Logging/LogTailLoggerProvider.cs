using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MindPeeker.Runtime.Logging;

/// <summary>
/// The logger provider behind the dashboard's live log tail: keeps the last <see cref="LogTailOptions.Capacity"/>
/// entries at or above <see cref="LogTailOptions.MinimumLevel"/> in <see cref="LogRingBuffer"/>, redacted. Configuration
/// filters address it as <c>LogTail</c> (for example <c>Logging:LogTail:LogLevel:Default</c>). Thread-safe.
/// </summary>
[ProviderAlias("LogTail")]
internal sealed class LogTailLoggerProvider(LogRingBuffer buffer, TimeProvider time, IOptions<LogTailOptions> options) : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public LogRingBuffer Buffer => buffer;

    public TimeProvider Time => time;

    public LogLevel MinimumLevel { get; } = options.Value.MinimumLevel;

    public IExternalScopeProvider Scopes => _scopes;

    public ILogger CreateLogger(string categoryName) => new LogTailLogger(categoryName, this);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }
}
