using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MindPeeker.Grains.Outbound;

/// <summary>Logs <see cref="OutboundLog.LoopbackTargetsAllowed"/> at start when the development setting is on.</summary>
internal sealed class OutboundLoopbackWarning(IOptions<OutboundHttpOptions> options, ILogger<OutboundLoopbackWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.AllowLoopbackTargets)
        {
            OutboundLog.LoopbackTargetsAllowed(logger);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
