using MindPeeker.Runtime;
using MindPeeker.Runtime.Cluster;

namespace MindPeeker.Benchmarks.Failover;

public interface IFailoverProbeGrain : IGrainWithStringKey
{
    /// <summary>The address of the silo whose activation answered.</summary>
    Task<string> WhereAmI();
}

/// <summary>The grain <c>failover</c> calls continuously: it only says where it runs.</summary>
public sealed class FailoverProbeGrain(SiloAddress silo) : Grain, IFailoverProbeGrain
{
    public Task<string> WhereAmI() => Task.FromResult(silo.ToString());
}
