using System.Text.Json;

namespace MindPeeker.Grains.Tests.Analysis;

/// <summary>The committed models folder and the numbers <c>build_models.py</c> computed with numpy.</summary>
internal static class ReferenceData
{
    /// <summary><c>src/Grains/Analysis/Models</c> of this checkout.</summary>
    public static string ModelsSourceDirectory { get; } = Path.Combine(FindRepositoryRoot(), "src", "Grains", "Analysis", "Models");

    private static readonly Lazy<JsonElement> Outputs = new(() =>
        JsonDocument.Parse(File.ReadAllBytes(Path.Combine(ModelsSourceDirectory, "reference_outputs.json"))).RootElement);

    public static IReadOnlyList<string> Cues =>
        [.. Outputs.Value.GetProperty("cues").EnumerateArray().Select(cue => cue.GetProperty("cue").GetString()!)];

    public static float[] Features(int cueIndex) =>
        [.. Outputs.Value.GetProperty("cues")[cueIndex].GetProperty("features").EnumerateArray().Select(value => value.GetSingle())];

    public static JsonElement Model(string sessionType) => Outputs.Value.GetProperty("models").GetProperty(sessionType);

    public static IReadOnlyList<string> Labels(string sessionType, string analysisType) =>
        [.. Model(sessionType).GetProperty("outputs").GetProperty(analysisType).GetProperty("labels").EnumerateArray().Select(label => label.GetString()!)];

    /// <summary>numpy's probabilities for one cue, one per label.</summary>
    public static double[] Scores(string sessionType, string analysisType, int cueIndex) =>
        [.. Model(sessionType).GetProperty("outputs").GetProperty(analysisType).GetProperty("scores")[cueIndex].EnumerateArray().Select(value => value.GetDouble())];

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "MindPeeker.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No MindPeeker.sln above {AppContext.BaseDirectory}.");
    }
}
