namespace MindPeeker.Grains.Analysis;

/// <summary>
/// How concurrent analyses of one model are collected into one ONNX Runtime run (<c>Analysis:Batching</c>).
/// A batch is run when it holds <see cref="MaxBatchSize"/> requests or <see cref="MaxBatchWait"/> after its first
/// request arrived, whichever comes first.
/// </summary>
public sealed class AnalysisBatchingOptions
{
    /// <summary>Upper bound for <see cref="MaxBatchSize"/>.</summary>
    public const int MaxBatchSizeLimit = 4096;

    /// <summary>Upper bound for <see cref="MaxBatchWait"/>.</summary>
    public static readonly TimeSpan MaxBatchWaitLimit = TimeSpan.FromSeconds(1);

    /// <summary>When false every analysis runs alone (batch 1) on the calling thread. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Most requests in one run (1–4096). A batch that reaches it runs at once. Default 64.</summary>
    public int MaxBatchSize { get; set; } = 64;

    /// <summary>
    /// Longest a batch waits for company after its first request (more than 0, at most 1 s; e.g. <c>00:00:00.002</c>).
    /// It bounds the latency batching adds to a lone request. Default 2 ms.
    /// </summary>
    public TimeSpan MaxBatchWait { get; set; } = TimeSpan.FromMilliseconds(2);
}
