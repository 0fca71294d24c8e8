using System.Globalization;
using Microsoft.ML.OnnxRuntime;

namespace MindPeeker.Grains.Analysis;

/// <summary>
/// What a model file says about itself in its ONNX metadata (written by <c>build_models.py</c>): name,
/// version, session type, input, featurizer and one head per analysis type.
/// </summary>
internal sealed record ModelDescriptor(
    string Name,
    string Version,
    string SessionType,
    string InputName,
    string Description,
    IReadOnlyDictionary<string, AnalysisHead> Heads)
{
    private const string Prefix = "mindpeeker.";

    /// <summary>Reads and checks the metadata; throws <see cref="InvalidDataException"/> naming the file when it does not fit this code.</summary>
    public static ModelDescriptor Read(ModelMetadata metadata, string path)
    {
        var props = metadata.CustomMetadataMap;
        string Get(string key) => props.TryGetValue(Prefix + key, out var value) && value.Length > 0
            ? value
            : throw new InvalidDataException($"Model '{path}' has no '{Prefix}{key}' metadata.");

        var featurizer = Get("featurizer");
        var buckets = int.Parse(Get("feature_buckets"), NumberStyles.None, CultureInfo.InvariantCulture);
        if (featurizer != CueFeaturizer.Id || buckets != CueFeaturizer.FeatureCount)
        {
            throw new InvalidDataException(
                $"Model '{path}' expects featurizer '{featurizer}' with {buckets} buckets; this build has '{CueFeaturizer.Id}' with {CueFeaturizer.FeatureCount}.");
        }

        var heads = Get("analysis_types")
            .Split(',')
            .Select(type => new AnalysisHead(type, Get("labels." + type).Split(',')))
            .ToDictionary(head => head.AnalysisType, StringComparer.Ordinal);
        return new ModelDescriptor(Get("model_name"), Get("model_version"), Get("session_type"), Get("input"), metadata.Description, heads);
    }
}
