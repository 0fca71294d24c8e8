using System.Text.Json.Serialization;

namespace MindPeeker.Runtime.Logging;

/// <summary>
/// Which log-tail entries a reader wants: <see cref="Level"/> is the minimum level (a level name such as
/// <c>warning</c>; null means every kept entry), <see cref="Grain"/> matches the entry's grain type or grain id
/// (case-insensitive substring), <see cref="Session"/> the session id (exact, case-insensitive). Null members do not
/// filter. Immutable.
/// </summary>
public sealed record LogTailFilter(string? Level = null, string? Grain = null, string? Session = null)
{
    /// <summary>The minimum level as a <see cref="Microsoft.Extensions.Logging.LogLevel"/>; null when the name is unknown.</summary>
    [JsonIgnore]
    public Microsoft.Extensions.Logging.LogLevel? MinimumLevel => LogLevelNames.Parse(Level);

    /// <summary>Whether <paramref name="entry"/> passes every member of this filter.</summary>
    public bool Matches(LogTailEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (MinimumLevel is { } minimum && LogLevelNames.Parse(entry.Level) < minimum)
        {
            return false;
        }

        if (!string.IsNullOrEmpty(Grain)
            && !(entry.GrainType?.Contains(Grain, StringComparison.OrdinalIgnoreCase) ?? false)
            && !(entry.GrainId?.Contains(Grain, StringComparison.OrdinalIgnoreCase) ?? false))
        {
            return false;
        }

        return string.IsNullOrEmpty(Session) || string.Equals(entry.SessionId, Session, StringComparison.OrdinalIgnoreCase);
    }
}
