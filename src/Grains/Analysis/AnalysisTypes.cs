using System.Collections.Frozen;

namespace MindPeeker.Grains.Analysis;

/// <summary>
/// The analysis types each session type's model supports: the contract a session's
/// <c>analysis_types</c> are validated against. The models carry the same list in their metadata and
/// the silo refuses to start when the two disagree.
/// </summary>
public static class AnalysisTypes
{
    /// <summary>Session type → its analysis types, in the model's order. Names are lower-case and compared ordinally.</summary>
    public static FrozenDictionary<string, IReadOnlyList<string>> BySessionType { get; } =
        new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            ["remote_viewing"] = ["visual", "spatial", "geographical", "object"],
            ["dowsing"] = ["yes_no", "location"],
            ["precognition"] = ["temporal", "trend"],
            ["intuitive_analysis"] = ["pattern", "multidimensional"],
        }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="sessionType"/> is known and its model supports <paramref name="analysisType"/>.</summary>
    public static bool IsSupported(string sessionType, string analysisType) =>
        BySessionType.TryGetValue(sessionType, out var types) && types.Contains(analysisType, StringComparer.Ordinal);
}
