using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace MindPeeker.ApiFrontend.Tests.Observability;

/// <summary>
/// The SPEC's log line as a schema: an object with exactly <c>timestamp</c> (ISO 8601 UTC), <c>level</c>, <c>service</c>,
/// <c>trace_id</c> (32 hex or null), <c>span_id</c> (16 hex or null), <c>user_id</c>, <c>session_id</c> (string or null),
/// <c>message</c> (string) and <c>metadata</c> (object with a <c>category</c>).
/// </summary>
internal static partial class LogLineShape
{
    private static readonly string[] Fields = ["timestamp", "level", "service", "trace_id", "span_id", "user_id", "session_id", "message", "metadata"];
    private static readonly string[] Levels = ["trace", "debug", "information", "warning", "error", "critical"];

    /// <summary>What is wrong with <paramref name="line"/>; empty when it has the shape.</summary>
    public static IReadOnlyList<string> Problems(string line)
    {
        var problems = new List<string>();
        JsonElement root;
        try
        {
            root = JsonDocument.Parse(line).RootElement;
        }
        catch (JsonException exception)
        {
            return [$"not JSON ({exception.Message}): {line}"];
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            return [$"not an object: {line}"];
        }

        var names = root.EnumerateObject().Select(p => p.Name).ToList();
        if (!names.SequenceEqual(Fields))
        {
            problems.Add($"fields {string.Join(",", names)} instead of {string.Join(",", Fields)}");
            return problems;
        }

        if (!DateTimeOffset.TryParseExact(root.GetProperty("timestamp").GetString(), "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _))
        {
            problems.Add($"timestamp {root.GetProperty("timestamp")} is not ISO 8601 UTC");
        }

        if (!Levels.Contains(root.GetProperty("level").GetString()))
        {
            problems.Add($"level {root.GetProperty("level")} unknown");
        }

        Check(root, "service", JsonValueKind.String, allowNull: false, problems);
        Check(root, "message", JsonValueKind.String, allowNull: false, problems);
        Check(root, "user_id", JsonValueKind.String, allowNull: true, problems);
        Check(root, "session_id", JsonValueKind.String, allowNull: true, problems);
        CheckHex(root, "trace_id", 32, problems);
        CheckHex(root, "span_id", 16, problems);
        var metadata = root.GetProperty("metadata");
        if (metadata.ValueKind != JsonValueKind.Object || !metadata.TryGetProperty("category", out var category) || category.ValueKind != JsonValueKind.String)
        {
            problems.Add("metadata is not an object with a category");
        }

        return problems.Select(p => $"{p}: {line}").ToList();
    }

    private static void Check(JsonElement root, string name, JsonValueKind kind, bool allowNull, List<string> problems)
    {
        var value = root.GetProperty(name);
        if (value.ValueKind != kind && !(allowNull && value.ValueKind == JsonValueKind.Null))
        {
            problems.Add($"{name} is {value.ValueKind}");
        }
    }

    private static void CheckHex(JsonElement root, string name, int length, List<string> problems)
    {
        var value = root.GetProperty(name);
        if (value.ValueKind != JsonValueKind.Null && (value.ValueKind != JsonValueKind.String || !Hex().IsMatch(value.GetString()!) || value.GetString()!.Length != length))
        {
            problems.Add($"{name} is not {length} lower-case hex digits or null");
        }
    }

    [GeneratedRegex("^[0-9a-f]+$")]
    private static partial Regex Hex();
}
