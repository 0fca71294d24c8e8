using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.ML.OnnxRuntime;

namespace MindPeeker.Grains.Analysis;

/// <summary>
/// The silo's analysis models, one per session type, each loaded once into an ONNX Runtime session
/// (all graph optimizations, on the execution provider <see cref="ExecutionProviderSelector"/> picks) when the
/// catalog is created. A singleton; thread-safe.
/// </summary>
internal sealed class ModelCatalog : IDisposable
{
    private readonly Dictionary<string, ReferenceModel> _models = new(StringComparer.Ordinal);

    public ModelCatalog(
        IOptions<AnalysisOptions> options,
        ExecutionProviderSelector executionProviders,
        TimeProvider timeProvider,
        ILogger<ModelCatalog> logger)
    {
        using var sessionOptions = new SessionOptions
        {
            IntraOpNumThreads = options.Value.IntraOpNumThreads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        ExecutionProvider = executionProviders.Apply(sessionOptions);
        try
        {
            foreach (var (sessionType, analysisTypes) in AnalysisTypes.BySessionType)
            {
                var started = timeProvider.GetTimestamp();
                var path = ModelPath(options.Value.ModelDirectory, sessionType);
                var model = ReferenceModel.Load(path, sessionOptions);
                _models.Add(sessionType, model);
                CheckAgainstContract(model.Descriptor, sessionType, analysisTypes, path);
                AnalysisLog.ModelLoaded(logger, model.Descriptor.Name, model.Descriptor.Version, sessionType, path,
                    timeProvider.GetElapsedTime(started).TotalMilliseconds);
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The ONNX Runtime execution provider the models run on (<c>CPUExecutionProvider</c> or <c>CUDAExecutionProvider</c>).</summary>
    public string ExecutionProvider { get; }

    public static string ModelPath(string directory, string sessionType) => Path.Combine(directory, sessionType + ".onnx");

    /// <summary>The model for <paramref name="sessionType"/>; an unknown session type throws <see cref="ArgumentException"/>.</summary>
    public ReferenceModel Get(string sessionType) =>
        _models.TryGetValue(sessionType, out var model)
            ? model
            : throw new ArgumentException(
                $"Unknown session type '{sessionType}'; expected one of: {string.Join(", ", _models.Keys)}.", nameof(sessionType));

    public void Dispose()
    {
        foreach (var model in _models.Values)
        {
            model.Dispose();
        }

        _models.Clear();
    }

    private static void CheckAgainstContract(ModelDescriptor descriptor, string sessionType, IReadOnlyList<string> analysisTypes, string path)
    {
        if (descriptor.SessionType != sessionType || !descriptor.Heads.Keys.Order(StringComparer.Ordinal).SequenceEqual(analysisTypes.Order(StringComparer.Ordinal)))
        {
            throw new InvalidDataException(
                $"Model '{path}' serves {descriptor.SessionType} with analysis types [{string.Join(", ", descriptor.Heads.Keys)}]; " +
                $"MindPeeker expects {sessionType} with [{string.Join(", ", analysisTypes)}] (see AnalysisTypes).");
        }
    }
}
