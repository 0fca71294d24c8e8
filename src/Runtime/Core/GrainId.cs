namespace MindPeeker.Runtime;

/// <summary>
/// Identifies a grain: its grain type (the implementation's type name) and its key, printed
/// as <c>{type}/{key}</c> like Orleans. Immutable and cheap to compare; the hash is computed once.
/// </summary>
public readonly struct GrainId : IEquatable<GrainId>
{
    private readonly int _hash;

    private GrainId(string type, string key)
    {
        Type = type;
        Key = key;
        _hash = HashCode.Combine(StringComparer.Ordinal.GetHashCode(type), StringComparer.Ordinal.GetHashCode(key));
    }

    /// <summary>The grain type name, for example <c>session</c>.</summary>
    public string Type { get; }

    /// <summary>The key as text (see <see cref="GrainKeyFormat"/> for how typed keys print).</summary>
    public string Key { get; }

    /// <summary>True for <c>default(GrainId)</c>.</summary>
    public bool IsDefault => Type is null;

    public static GrainId Create(string type, string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(type);
        ArgumentNullException.ThrowIfNull(key);
        return new GrainId(type, key);
    }

    /// <summary>Parses the <c>{type}/{key}</c> form produced by <see cref="ToString"/>.</summary>
    public static GrainId Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0)
        {
            throw new FormatException($"'{value}' is not a grain id of the form '{{type}}/{{key}}'.");
        }

        return new GrainId(value[..slash], value[(slash + 1)..]);
    }

    public bool Equals(GrainId other) =>
        _hash == other._hash && string.Equals(Type, other.Type, StringComparison.Ordinal) && string.Equals(Key, other.Key, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is GrainId other && Equals(other);

    public override int GetHashCode() => _hash;

    public override string ToString() => $"{Type}/{Key}";

    public static bool operator ==(GrainId left, GrainId right) => left.Equals(right);

    public static bool operator !=(GrainId left, GrainId right) => !left.Equals(right);
}
