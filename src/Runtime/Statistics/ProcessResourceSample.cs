namespace MindPeeker.Runtime.Statistics;

/// <summary>
/// The silo process's resources at one instant: <paramref name="CpuSeconds"/> is the processor time the process
/// used since it started (all cores together, cumulative: two samples give CPU % as Δcpu / Δwall / cores),
/// <paramref name="WorkingSetBytes"/> its physical memory, <paramref name="GcHeapBytes"/> the managed heap after
/// the last collection, <paramref name="ProcessorCount"/> the cores it may use.
/// </summary>
public sealed record ProcessResourceSample(double CpuSeconds, long WorkingSetBytes, long GcHeapBytes, int ProcessorCount)
{
    /// <summary>Reads the current process; costs a few system calls, so it is called once per collection, not per call.</summary>
    public static ProcessResourceSample Take() =>
        new(Environment.CpuUsage.TotalTime.TotalSeconds, Environment.WorkingSet, GC.GetGCMemoryInfo().HeapSizeBytes, Environment.ProcessorCount);
}
