namespace MindPeeker.Runtime.Logging;

/// <summary>
/// What the log tail picks out of an entry's structured state and scopes: grain type and id, session id, and the values
/// of properties whose names mark them as secrets (to redact from the message). Built once per kept entry; not shared.
/// </summary>
internal sealed class LogEntryContext
{
    private List<string>? _sensitiveValues;

    public string? GrainType { get; private set; }

    public string? GrainId { get; private set; }

    public string? SessionId { get; private set; }

    public IReadOnlyList<string>? SensitiveValues => _sensitiveValues;

    /// <summary>Reads one state or scope object; later objects do not override what earlier ones set.</summary>
    public void Visit(object? value)
    {
        if (value is not IEnumerable<KeyValuePair<string, object?>> properties)
        {
            return;
        }

        foreach (var (name, property) in properties)
        {
            if (property is null || name.Length == 0 || name[0] == '{')
            {
                continue;
            }

            var normalized = name.Replace("_", string.Empty, StringComparison.Ordinal);
            if (normalized.Equals("SessionId", StringComparison.OrdinalIgnoreCase))
            {
                SessionId ??= property.ToString();
            }
            else if (normalized.Equals("GrainId", StringComparison.OrdinalIgnoreCase))
            {
                GrainId ??= property.ToString();
            }
            else if (normalized.Equals("GrainType", StringComparison.OrdinalIgnoreCase))
            {
                GrainType ??= property.ToString();
            }
            else if (LogRedaction.IsSensitiveName(name) && property.ToString() is { Length: > 0 } secret)
            {
                (_sensitiveValues ??= []).Add(secret);
            }
        }
    }

    /// <summary>
    /// The grain type: as named by the entry, else the part of the grain id before <c>/</c>, else the category's last
    /// segment when it names a grain class (<c>…Sessions.SessionGrain</c> → <c>SessionGrain</c>).
    /// </summary>
    public string? ResolveGrainType(string category)
    {
        if (GrainType is not null)
        {
            return GrainType;
        }

        if (GrainId is { } id && id.IndexOf('/', StringComparison.Ordinal) is > 0 and var slash)
        {
            return id[..slash];
        }

        var name = category[(category.LastIndexOf('.') + 1)..];
        return name.EndsWith("Grain", StringComparison.Ordinal) ? name : null;
    }
}
