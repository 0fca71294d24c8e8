using System.Globalization;
using System.Text.Json;
using MindPeeker.Grains.Abstractions.Identity;

namespace MindPeeker.ApiFrontend.Security;

/// <summary>
/// Evaluates a permission's conditions (<c>eq, ne, in, not_in, gt, lt</c>) against the request
/// context. Fields are dotted paths through nested dictionaries or JSON objects. A missing field or
/// an unknown operator fails the condition: a condition can only ever narrow a permission.
/// Values compare as UUIDs, numbers or dates when both sides read as one, else as ordinal strings.
/// </summary>
internal static class ConditionEvaluator
{
    public static IReadOnlyList<string> Operators { get; } = ["eq", "ne", "in", "not_in", "gt", "lt"];

    public static bool All(IReadOnlyList<PermissionCondition>? conditions, IReadOnlyDictionary<string, object?> context) =>
        conditions is null || conditions.All(c => Evaluate(c, context));

    public static bool Evaluate(PermissionCondition condition, IReadOnlyDictionary<string, object?> context)
    {
        ArgumentNullException.ThrowIfNull(condition);
        if (!TryResolve(context, condition.Field, out var actual) || actual is null)
        {
            return false;
        }

        var value = condition.Value;
        return condition.Operator switch
        {
            "eq" => AreEqual(actual, value),
            "ne" => !AreEqual(actual, value),
            "in" => value.ValueKind == JsonValueKind.Array && value.EnumerateArray().Any(v => AreEqual(actual, v)),
            "not_in" => value.ValueKind == JsonValueKind.Array && !value.EnumerateArray().Any(v => AreEqual(actual, v)),
            "gt" => Compare(actual, value) is > 0,
            "lt" => Compare(actual, value) is < 0,
            _ => false,
        };
    }

    private static bool TryResolve(IReadOnlyDictionary<string, object?> context, string path, out object? value)
    {
        object? current = context;
        foreach (var segment in path.Split('.'))
        {
            switch (current)
            {
                case IReadOnlyDictionary<string, object?> map when map.TryGetValue(segment, out var next):
                    current = next;
                    break;
                case JsonElement { ValueKind: JsonValueKind.Object } json when json.TryGetProperty(segment, out var property):
                    current = property;
                    break;
                default:
                    value = null;
                    return false;
            }
        }

        value = current is JsonElement { ValueKind: JsonValueKind.Null } ? null : current;
        return true;
    }

    private static bool AreEqual(object actual, JsonElement expected)
    {
        var left = Text(actual);
        var right = Text(expected);
        if (left is null || right is null)
        {
            return false;
        }

        if (Guid.TryParse(left, out var leftId) && Guid.TryParse(right, out var rightId))
        {
            return leftId == rightId;
        }

        return Compare(actual, expected) is { } order ? order == 0 : string.Equals(left, right, StringComparison.Ordinal);
    }

    private static int? Compare(object actual, JsonElement expected)
    {
        var left = Text(actual);
        var right = Text(expected);
        if (left is null || right is null)
        {
            return null;
        }

        if (decimal.TryParse(left, NumberStyles.Float, CultureInfo.InvariantCulture, out var leftNumber)
            && decimal.TryParse(right, NumberStyles.Float, CultureInfo.InvariantCulture, out var rightNumber))
        {
            return leftNumber.CompareTo(rightNumber);
        }

        if (DateTimeOffset.TryParse(left, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var leftTime)
            && DateTimeOffset.TryParse(right, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var rightTime))
        {
            return leftTime.CompareTo(rightTime);
        }

        return null;
    }

    private static string? Text(object value) => value switch
    {
        JsonElement { ValueKind: JsonValueKind.String } json => json.GetString(),
        JsonElement { ValueKind: JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False } json => json.GetRawText(),
        JsonElement => null,
        bool flag => flag ? "true" : "false",
        DateTimeOffset time => time.ToString("O", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        string text => text,
        _ => null,
    };
}
