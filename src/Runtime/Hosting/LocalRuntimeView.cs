using Microsoft.Extensions.Options;
using MindPeeker.Runtime.Cluster;

namespace MindPeeker.Runtime.Hosting;

/// <summary>The runtime view of a silo that is not part of a cluster: just itself.</summary>
internal sealed class LocalRuntimeView(SiloStatistics statistics, IOptions<SiloOptions> options) : IClusterRuntimeView
{
    public Task<IReadOnlyList<SiloRuntimeReport>> GetSilosAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<SiloRuntimeReport>>([statistics.ToReport("local", options.Value.EffectiveRoles)]);
}
