namespace MindPeeker.Grains.Analysis;

/// <summary>Where the analysis models live and how ONNX Runtime runs them. Bound from the <c>Analysis</c> section; validated at start-up.</summary>
public sealed class AnalysisOptions
{
    public const string SectionName = "Analysis";

    /// <summary>The CUDA execution provider's plugin library, as the npm GPU package ships it.</summary>
    public const string CudaProviderLibraryFileName = "libonnxruntime_providers_cuda.so";

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

    /// <summary>
    /// Where inference runs: <c>cpu</c> (default), <c>cuda</c> (start-up fails, naming what is missing, when CUDA
    /// cannot be used) or <c>auto</c> (CUDA when usable, otherwise a warning and the CPU). Case-insensitive.
    /// </summary>
    public AnalysisExecutionProvider ExecutionProvider { get; set; } = AnalysisExecutionProvider.Cpu;

    /// <summary>
    /// Path of <see cref="CudaProviderLibraryFileName"/> from the npm package
    /// <c>com.github.asus4.onnxruntime.linux-x64-gpu</c>. Default: beside the application, where the build copies it
    /// when the package is installed. Only read for <c>cuda</c> and <c>auto</c>.
    /// </summary>
    public string CudaProviderLibrary { get; set; } = Path.Combine(AppContext.BaseDirectory, CudaProviderLibraryFileName);

    /// <summary>Which CUDA device to run on, counted among the devices the CUDA provider reports (0 = the first).</summary>
    public int CudaDeviceIndex { get; set; }

    /// <summary>Dynamic batching of concurrent analyses per model (<c>Analysis:Batching</c>).</summary>
    public AnalysisBatchingOptions Batching { get; set; } = new();
}
