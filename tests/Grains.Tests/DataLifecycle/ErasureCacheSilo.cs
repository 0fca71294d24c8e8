using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MindPeeker.Grains.Abstractions.Analysis;
using MindPeeker.Grains.Abstractions.Realtime;
using MindPeeker.Grains.AiProviders;
using MindPeeker.Grains.Analysis;
using MindPeeker.Grains.Caching;
using MindPeeker.Grains.Identity;
using MindPeeker.Grains.Realtime;
using MindPeeker.Grains.Sessions;
using MindPeeker.Grains.Tests.AiProviders;
using MindPeeker.Grains.Tests.Sessions;
using MindPeeker.Runtime;
using MindPeeker.Runtime.Hosting;
using MindPeeker.TestSupport;

namespace MindPeeker.Grains.Tests.DataLifecycle;

/// <summary>
/// A real silo that runs sessions (ONNX models, two-level cache over the given Redis) and GDPR erasure, over a real
/// PostgreSQL database; its log entries are recorded and its session updates observed.
/// </summary>
internal sealed class ErasureCacheSilo : IAsyncDisposable
{
    private readonly TestSilo _silo;

    private ErasureCacheSilo(TestSilo silo, SessionUpdateRecorder updates, ProviderLogRecorder logs)
    {
        _silo = silo;
        Updates = updates;
        Logs = logs;
    }

    public SessionUpdateRecorder Updates { get; }

    public ProviderLogRecorder Logs { get; }

    public IGrainFactory Grains => _silo.GrainFactory;

    public TwoLevelCache Cache => _silo.Services.GetRequiredService<TwoLevelCache>();

    /// <param name="database">The database the silo keeps its state in.</param>
    /// <param name="redis">host:port of the Redis level.</param>
    /// <param name="redisKeyPrefix">The silo's <c>Cache:RedisKeyPrefix</c>.</param>
    /// <param name="configure">More services, registered last.</param>
    public static async Task<ErasureCacheSilo> StartAsync(PostgreSqlTestDatabase database, string redis, string redisKeyPrefix, Action<ISiloBuilder>? configure = null)
    {
        var logs = new ProviderLogRecorder();
        var silo = await TestSilo.StartAsync(
            builder =>
            {
                builder.AddGrainsOnDatabase(database.ConnectionString);
                builder.Services.AddAnalysis();
                builder.Services.AddIdentityGrains();
                builder.AddSessionUpdateNotifier();
                builder.AddSessions();
                builder.Services.AddSingleton<ILoggerProvider>(logs);
                configure?.Invoke(builder);
            },
            configuration: new Dictionary<string, string?>
            {
                ["ConnectionStrings:Redis"] = redis,
                ["Cache:RedisKeyPrefix"] = redisKeyPrefix,
                ["Integrations:Credentials:MasterKeys:1"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
                ["Realtime:Notifier:ObserverExpiry"] = "01:00:00",
                ["Realtime:Notifier:ObserverListRefresh"] = "00:00:00",
            });
        var updates = new SessionUpdateRecorder();
        var reference = silo.GrainFactory.CreateObjectReference<ISessionUpdateObserver>(updates);
        await silo.GrainFactory.GetGrain<ISessionUpdateHubListGrain>(0).Register(reference);
        return new ErasureCacheSilo(silo, updates, logs);
    }

    /// <summary>The storage keys the silo's router caches the analyses of a session under, one per analysis type (local models).</summary>
    public IReadOnlyList<string> KeysOf(string sessionType, string cue, double threshold, IReadOnlyList<string> analysisTypes)
    {
        var router = _silo.Services.GetRequiredService<AnalysisRouter>();
        return [.. analysisTypes.SelectMany(type => router.CacheKeysOf(new AnalysisInput(sessionType, cue, type, threshold))).Select(key => key.ToString())];
    }

    /// <summary>Whether this silo's memory level holds <paramref name="key"/> now.</summary>
    public async Task<bool> InMemoryAsync(string key) => await Cache.Memory.GetAsync(key, CancellationToken.None) is not null;

    public async ValueTask DisposeAsync() => await _silo.DisposeAsync();
}
