using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MindPeeker.Grains.Analysis;

namespace MindPeeker.Grains.Tests.Analysis;

/// <summary>The real analysis services (models loaded from the test's output folder), shared by a test class.</summary>
public sealed class AnalysisEngineFixture : IDisposable
{
    private readonly ServiceProvider _services;

    public AnalysisEngineFixture()
    {
        _services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
            .AddLogging()
            .AddAnalysis()
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    internal ModelCatalog Catalog => _services.GetRequiredService<ModelCatalog>();

    internal CueAnalyzer Analyzer => _services.GetRequiredService<CueAnalyzer>();

    public void Dispose() => _services.Dispose();
}
