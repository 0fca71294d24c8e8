using Microsoft.Extensions.Options;
using MindPeeker.Runtime;
using MindPeeker.Runtime.Cluster;
using MindPeeker.Runtime.Hosting;

namespace MindPeeker.Cluster.TestSilo.Grains;

[RolePlacement("gpu")]
public sealed class GpuPinnedGrain(SiloAddress silo, IOptions<SiloOptions> options) : Grain, IGpuPinnedGrain
{
    private readonly Guid _activationId = Guid.NewGuid();
    private int _calls;

    public Task<ProbeReport> Probe() => Task.FromResult(new ProbeReport(silo.ToString(), options.Value.EffectiveRoles, _activationId, ++_calls));
}

[StatelessWorker]
[RolePlacement("gpu")]
public sealed class GpuWorkerGrain(SiloAddress silo, IOptions<SiloOptions> options) : Grain, IGpuWorkerGrain
{
    private readonly Guid _activationId = Guid.NewGuid();
    private int _calls;

    public Task<ProbeReport> Probe() => Task.FromResult(new ProbeReport(silo.ToString(), options.Value.EffectiveRoles, _activationId, ++_calls));
}
