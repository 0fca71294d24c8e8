using System.Collections.Frozen;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace MindPeeker.Runtime.Management;

/// <summary>
/// The silo's <see cref="ISiloControlHandler"/>s by name, and the one place that runs them: an unknown name or a
/// handler's exception becomes an error text, never an exception for the caller. Immutable after construction.
/// </summary>
internal sealed class SiloControlHandlers
{
    private readonly FrozenDictionary<string, ISiloControlHandler> _handlers;
    private readonly ILogger _logger;

    public SiloControlHandlers(IEnumerable<ISiloControlHandler> handlers, ILogger<SiloControlHandlers> logger)
    {
        var byName = new Dictionary<string, ISiloControlHandler>(StringComparer.Ordinal);
        foreach (var handler in handlers)
        {
            // The last registration of a name wins, as with options: a host may replace a library's handler.
            byName[handler.Name] = handler;
        }

        _handlers = byName.ToFrozenDictionary(StringComparer.Ordinal);
        _logger = logger;
    }

    public IEnumerable<string> Names => _handlers.Keys;

    /// <summary>Runs the handler <paramref name="name"/>; the result, or the error text when there is none or it failed.</summary>
    public async Task<SiloControlOutcome> HandleAsync(string name, JsonElement argument, CancellationToken cancellationToken)
    {
        if (!_handlers.TryGetValue(name, out var handler))
        {
            return new SiloControlOutcome(null, $"This silo has no silo control handler named '{name}'.");
        }

        try
        {
            var result = await handler.HandleAsync(argument, cancellationToken).ConfigureAwait(false);
            return new SiloControlOutcome(result, null);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            ManagementLog.HandlerFailed(_logger, exception, name);
            return new SiloControlOutcome(null, $"The silo control handler '{name}' failed: {exception.Message}");
        }
    }
}

/// <summary>What a local handler produced: <paramref name="Result"/> on success, else <paramref name="Error"/>.</summary>
internal readonly record struct SiloControlOutcome(JsonElement? Result, string? Error);
