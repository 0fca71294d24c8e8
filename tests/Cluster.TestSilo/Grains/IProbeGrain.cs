using MindPeeker.Runtime;

namespace MindPeeker.Cluster.TestSilo.Grains;

/// <summary>A plain (non-reentrant, randomly placed) grain that reports where it runs and counts its calls.</summary>
public interface IProbeGrain : IGrainWithStringKey
{
    /// <summary>Counts this call and reports it; the count is updated across an await, so interleaved turns would lose counts.</summary>
    Task<ProbeReport> Probe();

    /// <summary>Like <see cref="Probe"/> but holds the activation for <paramref name="delay"/> first, so later calls queue behind it.</summary>
    Task<ProbeReport> Slow(TimeSpan delay);

    /// <summary>Reports without counting.</summary>
    Task<ProbeReport> Report();
}
