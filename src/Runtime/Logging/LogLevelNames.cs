using Microsoft.Extensions.Logging;

namespace MindPeeker.Runtime.Logging;

/// <summary>The lower-case level names the log tail uses on the wire (<c>trace</c>, <c>debug</c>, <c>information</c>, <c>warning</c>, <c>error</c>, <c>critical</c>).</summary>
public static class LogLevelNames
{
    private static readonly string[] Names = ["trace", "debug", "information", "warning", "error", "critical"];

    /// <summary>The wire name of <paramref name="level"/>.</summary>
    public static string Of(LogLevel level) => level is >= LogLevel.Trace and <= LogLevel.Critical ? Names[(int)level] : "none";

    /// <summary>
    /// The level named <paramref name="name"/> (case-insensitive; <c>info</c>, <c>warn</c> and <c>fatal</c> are accepted
    /// too); null for null, empty or unknown names.
    /// </summary>
    public static LogLevel? Parse(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var index = Array.FindIndex(Names, n => n.Equals(name, StringComparison.OrdinalIgnoreCase));
        if (index >= 0)
        {
            return (LogLevel)index;
        }

        return name.ToLowerInvariant() switch
        {
            "info" => LogLevel.Information,
            "warn" => LogLevel.Warning,
            "fatal" => LogLevel.Critical,
            _ => null,
        };
    }
}
