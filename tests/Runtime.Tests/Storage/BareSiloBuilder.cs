using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MindPeeker.Runtime.Hosting;

namespace MindPeeker.Runtime.Tests.Storage;

/// <summary>Applies silo configuration (storage providers) to a host without starting a silo.</summary>
internal sealed class BareSiloBuilder(IServiceCollection services, IConfiguration configuration) : ISiloBuilder
{
    public IServiceCollection Services { get; } = services;

    public IConfiguration Configuration { get; } = configuration;

    public static void Configure(IHostApplicationBuilder host, Action<ISiloBuilder> configure) =>
        configure(new BareSiloBuilder(host.Services, host.Configuration));
}
