using System.Globalization;

namespace MindPeeker.Deployment.Tests.Rendering;

/// <summary>Navigation over the plain trees <see cref="YamlDocuments"/> produces; a missing or mistyped step yields <see langword="null"/>.</summary>
internal static class Tree
{
    public static Dictionary<string, object?>? Map(this Dictionary<string, object?>? node, string key) =>
        node is not null && node.TryGetValue(key, out var value) ? value as Dictionary<string, object?> : null;

    public static List<object?>? List(this Dictionary<string, object?>? node, string key) =>
        node is not null && node.TryGetValue(key, out var value) ? value as List<object?> : null;

    public static IEnumerable<Dictionary<string, object?>> Maps(this Dictionary<string, object?>? node, string key) =>
        node.List(key)?.OfType<Dictionary<string, object?>>() ?? [];

    /// <summary>The value at <paramref name="key"/> when it is a YAML string (quoted or plain non-numeric text).</summary>
    public static string? Text(this Dictionary<string, object?>? node, string key) =>
        node is not null && node.TryGetValue(key, out var value) ? value as string : null;

    public static object? Value(this Dictionary<string, object?>? node, string key) =>
        node is not null && node.TryGetValue(key, out var value) ? value : null;

    public static bool Has(this Dictionary<string, object?>? node, string key) => node is not null && node.ContainsKey(key);

    public static long? Integer(this Dictionary<string, object?>? node, string key) =>
        node is not null && node.TryGetValue(key, out var value) && value is long number ? number : null;

    /// <summary>Follows a dotted path of mapping keys, for example <c>spec.template.spec</c>.</summary>
    public static Dictionary<string, object?>? At(this Dictionary<string, object?>? node, string dottedPath)
    {
        foreach (var step in dottedPath.Split('.'))
        {
            node = node.Map(step);
        }

        return node;
    }

    /// <summary>A string-to-string mapping (labels, selectors, node selectors); non-string values are rendered with their type so they never match.</summary>
    public static IReadOnlyDictionary<string, string> StringMap(this Dictionary<string, object?>? node) =>
        node?.ToDictionary(pair => pair.Key, pair => pair.Value as string ?? $"<{pair.Value?.GetType().Name ?? "null"} {pair.Value}>", StringComparer.Ordinal)
        ?? new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>A deep copy, so patches applied to one rendered overlay never leak into another.</summary>
    public static object? DeepClone(object? node) => node switch
    {
        Dictionary<string, object?> map => map.ToDictionary(pair => pair.Key, pair => DeepClone(pair.Value), StringComparer.Ordinal),
        List<object?> list => list.Select(DeepClone).ToList(),
        _ => node,
    };

    public static string Display(object? value) => value switch
    {
        null => "null",
        string text => $"\"{text}\"",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
