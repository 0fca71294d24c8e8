using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MindPeeker.Grains.Abstractions.Realtime;
using MindPeeker.Grains.Abstractions.Sessions;
using MindPeeker.Grains.Analysis;
using MindPeeker.Grains.Realtime;
using MindPeeker.Grains.Sessions;
using MindPeeker.Runtime;
using MindPeeker.TestSupport;

namespace MindPeeker.Grains.Tests.Sessions;

/// <summary>
/// A real silo over a real PostgreSQL database, configured like the silo host: PostgreSQL grain
/// storage, MindPeeker's migrations, the ONNX analysis engine, the update notifier and the session
/// services. Its <see cref="Updates"/> observer sees every update the notifier publishes.
/// </summary>
internal sealed class SessionSilo : IAsyncDisposable
{
    private readonly TestSilo _silo;

    private SessionSilo(TestSilo silo, SessionUpdateRecorder updates, SessionLogRecorder logs)
    {
        _silo = silo;
        Updates = updates;
        Logs = logs;
    }

    public SessionUpdateRecorder Updates { get; }

    /// <summary>The silo's log entries about sessions, to await one.</summary>
    public SessionLogRecorder Logs { get; }

    public IGrainFactory Grains => _silo.GrainFactory;

    public IServiceProvider Services => _silo.Services;

    /// <summary>Starts a silo; with a <see cref="FakeTimeProvider"/> the pipeline only moves when the test advances it.</summary>
    public static async Task<SessionSilo> StartAsync(PostgreSqlTestDatabase database, TimeProvider? time = null)
    {
        var logs = new SessionLogRecorder();
        var silo = await TestSilo.StartAsync(
            builder =>
            {
                builder.AddGrainsOnDatabase(database.ConnectionString);
                builder.Services.AddAnalysis();
                builder.AddSessionUpdateNotifier();
                builder.AddSessions();
                builder.Services.AddSingleton<ILoggerProvider>(logs);
            },
            time,
            // The test registers its observer once and never renews it; the fake clock may move for hours.
            new Dictionary<string, string?> { ["Realtime:Notifier:ObserverExpiry"] = "01:00:00", ["Realtime:Notifier:ObserverListRefresh"] = "00:00:00" });
        var updates = new SessionUpdateRecorder();
        var reference = silo.GrainFactory.CreateObjectReference<ISessionUpdateObserver>(updates);
        await silo.GrainFactory.GetGrain<ISessionUpdateHubListGrain>(0).Register(reference);
        return new SessionSilo(silo, updates, logs);
    }

    public ISessionGrain Session(Guid id) => Grains.GetGrain<ISessionGrain>(id);

    /// <summary>Completes when the start-up scan for unfinished sessions is done.</summary>
    public Task Recovered => _silo.Services.GetRequiredService<SessionRecovery>().Completion;

    public async ValueTask DisposeAsync()
    {
        await _silo.DisposeAsync();
    }
}
