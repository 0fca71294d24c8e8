using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MindPeeker.Grains.Analysis;

/// <summary>Creates the <see cref="ModelCatalog"/> while the host starts, so a broken model stops start-up instead of the first session.</summary>
internal sealed class ModelCatalogStartup(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<ModelCatalog>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
