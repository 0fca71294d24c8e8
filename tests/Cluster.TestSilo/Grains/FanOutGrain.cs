using MindPeeker.Runtime;
using MindPeeker.Runtime.Cluster;

namespace MindPeeker.Cluster.TestSilo.Grains;

[StatelessWorker]
public sealed class FanOutGrain(SiloAddress silo, IClusterMembershipService membership) : Grain, IFanOutGrain
{
    public Task<SiloView> View() =>
        Task.FromResult(new SiloView(silo.ToString(), [.. membership.CurrentSnapshot.ActiveSilos.Select(s => s.Address.ToString())]));

    public async Task<FanOutResult> CallProbes(string[] probeKeys, int callers, int callsPerCaller)
    {
        var perCaller = await Task.WhenAll(Enumerable.Range(0, callers).Select(async caller =>
        {
            var reports = new List<KeyedProbeReport>(callsPerCaller);
            for (var i = 0; i < callsPerCaller; i++)
            {
                var key = probeKeys[(caller + i) % probeKeys.Length];
                reports.Add(new KeyedProbeReport(key, await GrainFactory.GetGrain<IProbeGrain>(key).Probe()));
            }

            return reports;
        }));
        return new FanOutResult(silo.ToString(), [.. perCaller.SelectMany(r => r)]);
    }
}
