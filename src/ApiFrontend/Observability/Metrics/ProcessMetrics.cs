using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace MindPeeker.ApiFrontend.Observability.Metrics;

/// <summary>
/// The process's resource gauges on the <c>MindPeeker.Process</c> meter, observed on each scrape:
/// <c>cpu_utilization_percent</c> (CPU time used since the previous scrape ÷ wall time ÷ processor count × 100, so
/// 0–100 for the whole container's CPU quota), <c>memory_utilization_percent</c> (working set ÷ the memory the GC may
/// use, which honours the container's limit, × 100), <c>process_memory_bytes</c> (working set) and, where
/// <see cref="GpuUtilization"/> can read it, <c>gpu_utilization_percent</c> per device (absent on CPU-only hosts).
/// Thread-safe.
/// </summary>
internal sealed class ProcessMetrics
{
    public const string MeterName = "MindPeeker.Process";

    private readonly TimeProvider _timeProvider;
    private readonly Lock _lock = new();
    private long _lastTimestamp;
    private TimeSpan _lastCpu;

    public ProcessMetrics(IMeterFactory meterFactory, TimeProvider timeProvider, GpuUtilization gpu)
    {
        _timeProvider = timeProvider;
        _lastTimestamp = timeProvider.GetTimestamp();
        _lastCpu = CurrentCpu();
        var meter = meterFactory.Create(MeterName);
        meter.CreateObservableGauge("cpu_utilization_percent", ObserveCpu, "%", "CPU used by this process since the previous scrape, as a share of all processors.");
        meter.CreateObservableGauge("memory_utilization_percent", ObserveMemory, "%", "Working set as a share of the memory available to this process.");
        meter.CreateObservableGauge("process_memory_bytes", static () => Environment.WorkingSet, "By", "Working set of this process.");
        if (gpu.IsAvailable)
        {
            meter.CreateObservableGauge("gpu_utilization_percent", gpu.Observe, "%", "GPU busy time over the last sample period, per device (NVML).");
        }
    }

    private double ObserveCpu()
    {
        lock (_lock)
        {
            var now = _timeProvider.GetTimestamp();
            var cpu = CurrentCpu();
            var wall = _timeProvider.GetElapsedTime(_lastTimestamp, now);
            var used = cpu - _lastCpu;
            _lastTimestamp = now;
            _lastCpu = cpu;
            return wall <= TimeSpan.Zero ? 0 : Math.Clamp(used / wall / Environment.ProcessorCount * 100, 0, 100);
        }
    }

    private static double ObserveMemory()
    {
        var available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        return available <= 0 ? 0 : Math.Clamp(100.0 * Environment.WorkingSet / available, 0, 100);
    }

    private static TimeSpan CurrentCpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}
