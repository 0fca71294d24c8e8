using MindPeeker.Runtime;

namespace MindPeeker.Cluster.TestSilo.Grains;

/// <summary>A grain whose class is pinned to silos advertising the <c>gpu</c> role.</summary>
public interface IGpuPinnedGrain : IGrainWithStringKey
{
    Task<ProbeReport> Probe();
}

/// <summary>A stateless worker pinned to <c>gpu</c> silos: a pool per gpu silo, never on a cpu silo.</summary>
public interface IGpuWorkerGrain : IGrainWithIntegerKey
{
    Task<ProbeReport> Probe();
}
