using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MindPeeker.Grains.Analysis;

namespace MindPeeker.Grains.Tests.Analysis;

/// <summary>
/// A generic host with only the analysis engine (<c>AddAnalysis</c>), started the way a silo starts it, with the
/// test's configuration, clock (the silo's and the batch wait's), shared-library probe and a log sink.
/// </summary>
internal sealed class AnalysisTestHost : IAsyncDisposable
{
    private readonly IHost _host;

    private AnalysisTestHost(IHost host, CapturingLoggerProvider logs)
    {
        _host = host;
        Logs = logs;
    }

    public IServiceProvider Services => _host.Services;

    public CapturingLoggerProvider Logs { get; }

    public ModelCatalog Catalog => Services.GetRequiredService<ModelCatalog>();

    public CueAnalyzer Analyzer => Services.GetRequiredService<CueAnalyzer>();

    public ModelBatchers Batchers => Services.GetRequiredService<ModelBatchers>();

    /// <summary>Builds and starts the host; start-up failures (options, models, execution provider) propagate.</summary>
    public static async Task<AnalysisTestHost> StartAsync(
        IDictionary<string, string?>? configuration = null,
        TimeProvider? timeProvider = null,
        ISharedLibraryProbe? probe = null,
        CapturingLoggerProvider? logs = null)
    {
        logs ??= new CapturingLoggerProvider();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(configuration ?? new Dictionary<string, string?>());
        builder.Logging.AddProvider(logs).SetMinimumLevel(LogLevel.Information);
        if (timeProvider is not null)
        {
            builder.Services.AddSingleton(timeProvider);
            builder.Services.AddSingleton(new BatchWaitClock(timeProvider));
        }

        if (probe is not null)
        {
            builder.Services.AddSingleton(probe);
        }

        builder.Services.AddAnalysis();
        var host = builder.Build();
        try
        {
            await host.StartAsync();
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return new AnalysisTestHost(host, logs);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
