using System.Buffers;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using MindPeeker.Grains.Abstractions.Analysis;

namespace MindPeeker.Grains.Analysis;

/// <summary>
/// One loaded model: an ONNX Runtime <see cref="InferenceSession"/> plus what its metadata says.
/// Thread-safe: <see cref="InferenceSession.Run(RunOptions, IReadOnlyCollection{string}, IReadOnlyCollection{OrtValue}, IReadOnlyCollection{string})"/>
/// may be called concurrently, and every call uses its own input and output values.
/// </summary>
internal sealed class ReferenceModel : IDisposable
{
    private readonly InferenceSession _session;
    private readonly string[] _inputNames;

    private ReferenceModel(InferenceSession session, ModelDescriptor descriptor)
    {
        _session = session;
        Descriptor = descriptor;
        _inputNames = [descriptor.InputName];
    }

    public ModelDescriptor Descriptor { get; }

    public ModelInfo Info => new(Descriptor.Name, Descriptor.Version);

    /// <summary>Loads <paramref name="path"/> and checks that its input and outputs have the shapes its metadata promises.</summary>
    public static ReferenceModel Load(string path, SessionOptions options)
    {
        var session = new InferenceSession(path, options);
        try
        {
            var descriptor = ModelDescriptor.Read(session.ModelMetadata, path);
            CheckTensor(session.InputMetadata, descriptor.InputName, CueFeaturizer.FeatureCount, path);
            foreach (var head in descriptor.Heads.Values)
            {
                CheckTensor(session.OutputMetadata, head.AnalysisType, head.Labels.Count, path);
            }

            return new ReferenceModel(session, descriptor);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Runs the model on <paramref name="batchSize"/> rows of features (row-major, <see cref="CueFeaturizer.FeatureCount"/>
    /// per row) and returns <paramref name="head"/>'s probabilities, row-major, one per label per row.
    /// </summary>
    public float[] Score(float[] features, int batchSize, AnalysisHead head) => ScoreHeads(features, batchSize, [head])[0];

    /// <summary>
    /// One run for a batch of requests, each with its own features and head: the features are stacked along the batch
    /// dimension, every head any request asks for is computed, and each request gets its own row of its own head.
    /// </summary>
    public float[][] ScoreBatch(IReadOnlyList<ScoreRequest> requests)
    {
        var batchSize = requests.Count;
        var length = batchSize * CueFeaturizer.FeatureCount;
        var features = ArrayPool<float>.Shared.Rent(length);
        var heads = new List<AnalysisHead>(1);
        var headOfRow = new int[batchSize];
        for (var row = 0; row < batchSize; row++)
        {
            var request = requests[row];
            ArgumentOutOfRangeException.ThrowIfNotEqual(request.Features.Length, CueFeaturizer.FeatureCount, nameof(requests));
            request.Features.CopyTo(features, row * CueFeaturizer.FeatureCount);
            var index = heads.IndexOf(request.Head);
            if (index < 0)
            {
                index = heads.Count;
                heads.Add(request.Head);
            }

            headOfRow[row] = index;
        }

        float[][] outputs;
        try
        {
            outputs = ScoreHeads(features.AsMemory(0, length), batchSize, heads);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(features);
        }

        var results = new float[batchSize][];
        for (var row = 0; row < batchSize; row++)
        {
            var labels = heads[headOfRow[row]].Labels.Count;
            results[row] = outputs[headOfRow[row]].AsSpan(row * labels, labels).ToArray();
        }

        return results;
    }

    /// <summary>
    /// Runs the model once on <paramref name="batchSize"/> rows of features and returns the probabilities of each of
    /// <paramref name="heads"/> (in that order), row-major, one per label per row.
    /// </summary>
    public float[][] ScoreHeads(Memory<float> features, int batchSize, IReadOnlyList<AnalysisHead> heads)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(features.Length, batchSize * CueFeaturizer.FeatureCount, nameof(features));
        var outputNames = new string[heads.Count];
        for (var i = 0; i < outputNames.Length; i++)
        {
            outputNames[i] = heads[i].AnalysisType;
        }

        using var input = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, features, [batchSize, CueFeaturizer.FeatureCount]);
        using var runOptions = new RunOptions();
        using var outputs = _session.Run(runOptions, _inputNames, [input], outputNames);
        var scores = new float[heads.Count][];
        for (var i = 0; i < scores.Length; i++)
        {
            var head = heads[i];
            var shape = outputs[i].GetTensorTypeAndShape();
            if (shape.ElementDataType != TensorElementType.Float || shape.Shape is not [var rows, var columns]
                || rows != batchSize || columns != head.Labels.Count)
            {
                throw new InvalidOperationException(
                    $"Model '{Descriptor.Name}' returned {shape.ElementDataType}[{string.Join(", ", shape.Shape)}] for '{head.AnalysisType}'; expected Float[{batchSize}, {head.Labels.Count}].");
            }

            scores[i] = outputs[i].GetTensorDataAsSpan<float>().ToArray();
        }

        return scores;
    }

    public void Dispose() => _session.Dispose();

    private static void CheckTensor(IReadOnlyDictionary<string, NodeMetadata> nodes, string name, int width, string path)
    {
        if (!nodes.TryGetValue(name, out var node) || !node.IsTensor || node.ElementDataType != TensorElementType.Float
            || node.Dimensions is not [-1, var columns] || columns != width)
        {
            throw new InvalidDataException($"Model '{path}' has no float tensor '{name}' of shape [N, {width}].");
        }
    }
}
