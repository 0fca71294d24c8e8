using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MindPeeker.Runtime.Hosting;

/// <summary>Configures a silo: grain assemblies, storage providers, filters. Named as in Orleans.</summary>
public interface ISiloBuilder
{
    IServiceCollection Services { get; }

    IConfiguration Configuration { get; }
}
