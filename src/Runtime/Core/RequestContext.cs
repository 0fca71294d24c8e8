namespace MindPeeker.Runtime;

/// <summary>
/// Ambient key/value data that flows with grain calls, downstream only, as in Orleans: values set
/// before a call are copied into the request and visible inside the callee; the callee's changes do
/// not flow back. Backed by an <see cref="AsyncLocal{T}"/>; the dictionary is copied on write, so a
/// captured snapshot never changes.
/// </summary>
public static class RequestContext
{
    private static readonly AsyncLocal<Dictionary<string, object>?> Current = new();

    public static object? Get(string key) =>
        Current.Value is { } values && values.TryGetValue(key, out var value) ? value : null;

    public static void Set(string key, object value)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        var copy = Current.Value is { } existing ? new Dictionary<string, object>(existing, StringComparer.Ordinal) : new Dictionary<string, object>(StringComparer.Ordinal);
        copy[key] = value;
        Current.Value = copy;
    }

    public static bool Remove(string key)
    {
        if (Current.Value is not { } existing || !existing.ContainsKey(key))
        {
            return false;
        }

        var copy = new Dictionary<string, object>(existing, StringComparer.Ordinal);
        copy.Remove(key);
        Current.Value = copy.Count == 0 ? null : copy;
        return true;
    }

    public static void Clear() => Current.Value = null;

    /// <summary>The keys currently set (empty when none).</summary>
    public static IReadOnlyCollection<string> Keys => Current.Value?.Keys ?? (IReadOnlyCollection<string>)[];

    internal static Dictionary<string, object>? Export() => Current.Value;

    internal static void Import(Dictionary<string, object>? values)
    {
        if (!ReferenceEquals(Current.Value, values))
        {
            Current.Value = values;
        }
    }
}
