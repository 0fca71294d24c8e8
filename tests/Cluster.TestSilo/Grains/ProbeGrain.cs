using Microsoft.Extensions.Options;
using MindPeeker.Runtime;
using MindPeeker.Runtime.Cluster;
using MindPeeker.Runtime.Hosting;

namespace MindPeeker.Cluster.TestSilo.Grains;

public sealed class ProbeGrain(SiloAddress silo, IOptions<SiloOptions> options, TimeProvider time) : Grain, IProbeGrain
{
    private readonly Guid _activationId = Guid.NewGuid();
    private int _calls;

    public async Task<ProbeReport> Probe()
    {
        var before = _calls;
        await Task.Yield();
        _calls = before + 1;
        return Current();
    }

    public async Task<ProbeReport> Slow(TimeSpan delay)
    {
        var before = _calls;
        await Task.Delay(delay, time);
        _calls = before + 1;
        return Current();
    }

    public Task<ProbeReport> Report() => Task.FromResult(Current());

    private ProbeReport Current() => new(silo.ToString(), options.Value.EffectiveRoles, _activationId, _calls);
}
