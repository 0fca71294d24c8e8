using Microsoft.Extensions.Logging.Console;

namespace MindPeeker.ApiFrontend.Observability.Logging;

/// <summary>
/// Options of the <c>mindpeeker-json</c> console formatter (<c>Logging:Console:FormatterOptions</c>). Scopes are always
/// read (their properties go into <c>metadata</c>, and may carry <c>user_id</c>/<c>session_id</c>); timestamps are always UTC ISO 8601.
/// </summary>
public sealed class JsonLogFormatterOptions : ConsoleFormatterOptions
{
    /// <summary>The <c>service</c> field; default <c>mindpeeker-silo</c> in a silo process, <c>mindpeeker-frontend</c> in a front end.</summary>
    public string? ServiceName { get; set; }
}
