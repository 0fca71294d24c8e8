using System.Globalization;
using System.Text.RegularExpressions;

namespace MindPeeker.Deployment.Tests.Kubernetes;

/// <summary>Kubernetes resource quantities (<c>500m</c>, <c>2</c>, <c>4Gi</c>, <c>512M</c>) as numbers, so <c>1000m</c> equals <c>1</c>.</summary>
internal static partial class Quantity
{
    private static readonly Dictionary<string, decimal> Suffixes = new(StringComparer.Ordinal)
    {
        [""] = 1m, ["m"] = 0.001m,
        ["k"] = 1e3m, ["M"] = 1e6m, ["G"] = 1e9m, ["T"] = 1e12m,
        ["Ki"] = 1024m, ["Mi"] = 1024m * 1024, ["Gi"] = 1024m * 1024 * 1024, ["Ti"] = 1024m * 1024 * 1024 * 1024,
    };

    /// <summary>The quantity's value, or <see langword="null"/> when <paramref name="value"/> is not a quantity.</summary>
    public static decimal? Parse(object? value)
    {
        switch (value)
        {
            case long number:
                return number;
            case double real:
                return (decimal)real;
            case string text when QuantityPattern().Match(text) is { Success: true } match
                                  && Suffixes.TryGetValue(match.Groups[2].Value, out var factor):
                return decimal.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) * factor;
            default:
                return null;
        }
    }

    [GeneratedRegex(@"^([0-9]+(?:\.[0-9]+)?)([a-zA-Z]*)$")]
    private static partial Regex QuantityPattern();
}
