using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MindPeeker.Runtime;
using MindPeeker.Runtime.Hosting;

namespace MindPeeker.TestSupport;

/// <summary>A real silo in a generic host, started for one test and stopped on dispose.</summary>
public sealed class TestSilo : IAsyncDisposable
{
    private readonly IHost _host;

    private TestSilo(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public IGrainFactory GrainFactory => _host.Services.GetRequiredService<IGrainFactory>();

    public SiloStatistics Statistics => _host.Services.GetRequiredService<SiloStatistics>();

    public static async Task<TestSilo> StartAsync(
        Action<ISiloBuilder> configure,
        TimeProvider? timeProvider = null,
        IDictionary<string, string?>? configuration = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        if (configuration is not null)
        {
            builder.Configuration.AddInMemoryCollection(configuration);
        }

        if (timeProvider is not null)
        {
            builder.Services.AddSingleton(timeProvider);
        }

        builder.Services.AddLogging();
        builder.UseSilo(configure);
        var host = builder.Build();
        try
        {
            await host.StartAsync();
        }
        catch
        {
            // A silo that refuses to start (options validation, say) lets go of what it built.
            host.Dispose();
            throw;
        }

        return new TestSilo(host);
    }

    public Task StopAsync() => _host.StopAsync();

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
