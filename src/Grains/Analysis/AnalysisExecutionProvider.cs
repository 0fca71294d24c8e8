namespace MindPeeker.Grains.Analysis;

/// <summary>The ONNX Runtime execution provider the analysis models run on (<c>Analysis:ExecutionProvider</c>).</summary>
public enum AnalysisExecutionProvider
{
    /// <summary>ONNX Runtime's built-in CPU provider; nothing is registered.</summary>
    Cpu,

    /// <summary>The CUDA plugin provider; the silo refuses to start when it cannot be used.</summary>
    Cuda,

    /// <summary>The CUDA plugin provider when usable, otherwise a warning at start-up and the CPU.</summary>
    Auto,
}
