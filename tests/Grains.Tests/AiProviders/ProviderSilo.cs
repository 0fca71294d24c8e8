using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MindPeeker.Grains.Abstractions.Analysis;
using MindPeeker.Grains.AiProviders;
using MindPeeker.Grains.Analysis;
using MindPeeker.Grains.Caching;
using MindPeeker.Grains.Abstractions.Realtime;
using MindPeeker.Grains.Realtime;
using MindPeeker.Grains.Sessions;
using MindPeeker.Grains.Tests.Sessions;
using MindPeeker.Grains.Resilience;
using MindPeeker.Runtime;
using MindPeeker.TestSupport;
using MindPeeker.TestSupport.OpenAiFake;

namespace MindPeeker.Grains.Tests.AiProviders;

/// <summary>
/// A real silo configured like the host — migrations, circuit breakers, the analysis engine with its router, the
/// SSRF-guarded outbound HTTP (loopback allowed) — with one provider, <c>fake</c>, pointing at an
/// <see cref="OpenAiFakeServer"/> with the SPEC's three-model chain.
/// </summary>
internal sealed class ProviderSilo : IAsyncDisposable
{
    public const string ProviderName = "fake";
    public const string ApiKey = "sk-fake-9f3c2a7d41b8";
    public const string ModelA = "qwen/qwen3.5-397b-a17b";
    public const string ModelB = "qwen2.5-coder-32b";
    public const string ModelC = "moonshotai/kimi-k2.5";

    private readonly TestSilo _silo;

    private ProviderSilo(TestSilo silo, ProviderLogRecorder logs)
    {
        _silo = silo;
        Logs = logs;
    }

    public ProviderLogRecorder Logs { get; }

    /// <summary>Every session update the silo publishes.</summary>
    public SessionUpdateRecorder Updates { get; private init; } = null!;

    public IGrainFactory Grains => _silo.GrainFactory;

    public IServiceProvider Services => _silo.Services;

    public OpenAiCompatibleProvider Provider => Services.GetRequiredService<AiProviderRegistry>().Get(ProviderName);

    public AnalysisRouter Router => Services.GetRequiredService<AnalysisRouter>();

    public CacheMetrics CacheMetrics => Services.GetRequiredService<CacheMetrics>();

    /// <summary>Starts the silo; <paramref name="settings"/> add to or override the defaults (keys relative to the root).</summary>
    public static async Task<ProviderSilo> StartAsync(
        PostgreSqlTestDatabase database, OpenAiFakeServer fake, TimeProvider? time = null, IDictionary<string, string?>? settings = null)
    {
        const string provider = "AiProviders:Providers:" + ProviderName + ":";
        var configuration = new Dictionary<string, string?>
        {
            ["Outbound:AllowLoopbackTargets"] = "true",
            [provider + "BaseUrl"] = fake.BaseUrl.ToString(),
            [provider + "ApiKey"] = ApiKey,
            [provider + "Models:0"] = ModelA,
            [provider + "Models:1"] = ModelB,
            [provider + "Models:2"] = ModelC,
            [provider + "RequestTimeout"] = "00:00:05",
            ["AiProviders:SessionTypes:remote_viewing:Mode"] = AnalysisModes.Provider,
            ["AiProviders:SessionTypes:remote_viewing:Provider"] = ProviderName,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        var logs = new ProviderLogRecorder();
        var silo = await TestSilo.StartAsync(
            builder =>
            {
                builder.AddGrainsOnDatabase(database.ConnectionString);
                builder.AddCircuitBreakers();
                builder.Services.AddAnalysis();
                builder.Services.AddSingleton<ILoggerProvider>(logs);
                builder.AddSessionUpdateNotifier();
                builder.AddSessions();
            },
            time,
            configuration);
        var updates = new SessionUpdateRecorder();
        await silo.GrainFactory.GetGrain<ISessionUpdateHubListGrain>(0).Register(silo.GrainFactory.CreateObjectReference<ISessionUpdateObserver>(updates));
        return new ProviderSilo(silo, logs) { Updates = updates };
    }

    public static AnalysisInput Input(string cue, string analysisType = "visual", double threshold = 0.5) =>
        new("remote_viewing", cue, analysisType, threshold);

    public async ValueTask DisposeAsync() => await _silo.DisposeAsync();
}
