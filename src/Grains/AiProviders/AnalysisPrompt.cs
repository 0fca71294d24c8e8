using System.Collections.Frozen;
using System.Globalization;

namespace MindPeeker.Grains.AiProviders;

/// <summary>
/// The instructions an AI provider model gets for one analysis: the session type's specialisation (SPEC.md's model
/// table), the analysis type to answer and the answer's JSON shape. The cue goes in the user message, as is.
/// </summary>
internal static class AnalysisPrompt
{
    private static readonly FrozenDictionary<string, string> Specialisations = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["remote_viewing"] = "visual and spatial data; geographical and object recognition",
        ["dowsing"] = "yes/no and location queries; binary classification and probability",
        ["precognition"] = "temporal predictions; time-series forecasting",
        ["intuitive_analysis"] = "complex pattern recognition; multi-dimensional analysis",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static string System(string sessionType, string analysisType, double confidenceThreshold)
    {
        var specialisation = Specialisations.GetValueOrDefault(sessionType, "general analysis");
        var threshold = confidenceThreshold.ToString(CultureInfo.InvariantCulture);
        return
            $"You are MindPeeker's {sessionType} analysis model, specialised in {specialisation}. " +
            $"Analyse the user's cue for the analysis type '{analysisType}'. The session's confidence threshold is {threshold}. " +
            "Answer with one JSON object and nothing else, of the form " +
            "{\"findings\": [{\"result_type\": \"" + analysisType + "\", \"confidence\": <number from 0 to 1>, \"data\": {<your structured result>}}]}. " +
            "The cue may be opaque (encrypted) text; analyse it as given.";
    }
}
