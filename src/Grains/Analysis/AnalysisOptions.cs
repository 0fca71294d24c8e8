namespace MindPeeker.Grains.Analysis;

/// <summary>Where the analysis models live and how ONNX Runtime runs them. Bound from the <c>Analysis</c> section; validated at start-up.</summary>
public sealed class AnalysisOptions
{
    public const string SectionName = "Analysis";

    /// <summary>
    /// Folder with one <c>&lt;session_type&gt;.onnx</c> per session type. Default: <c>Analysis/Models</c> beside the
    /// application, where the build copies the committed reference models.
    /// </summary>
    public string ModelDirectory { get; set; } = Path.Combine(AppContext.BaseDirectory, "Analysis", "Models");

    /// <summary>
    /// Threads ONNX Runtime may use inside one inference (1–64). Default 1: the models are tiny and the stateless
    /// worker grains already run one inference per core, so more threads per call would only contend.
    /// </summary>
    public int IntraOpNumThreads { get; set; } = 1;
}
