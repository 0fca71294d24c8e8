using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MindPeeker.Runtime.Cluster.Membership;

/// <summary>The default reaction to being declared dead: log it and stop the host (Orleans kills the process).</summary>
internal sealed class StopHostWhenDeclaredDead(IHostApplicationLifetime lifetime, ILogger<StopHostWhenDeclaredDead> logger) : ILocalSiloDeclaredDeadHandler
{
    public void OnLocalSiloDeclaredDead(SiloAddress silo)
    {
        MembershipLog.StoppingHostAfterDeclaredDead(logger, silo);
        lifetime.StopApplication();
    }
}
