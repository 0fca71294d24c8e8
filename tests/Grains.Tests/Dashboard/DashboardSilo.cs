using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MindPeeker.Grains.Dashboard;
using MindPeeker.Grains.Identity;
using MindPeeker.Grains.Tests.Webhooks;
using MindPeeker.Grains.Webhooks;
using MindPeeker.Runtime;
using MindPeeker.Runtime.Management;
using MindPeeker.TestSupport;

namespace MindPeeker.Grains.Tests.Dashboard;

/// <summary>
/// A real single silo configured like the silo host for the dashboard's domain data (PostgreSQL, migrations, identity
/// grains, webhook delivery to loopback, <c>AddDashboardData</c>), asked through its real <see cref="ISiloControl"/>.
/// Database statistics are never reused (max age 0) so each question sees the tables as they are.
/// </summary>
internal sealed class DashboardSilo : IAsyncDisposable
{
    private readonly TestSilo _silo;

    private DashboardSilo(TestSilo silo, WebhookLogRecorder logs)
    {
        _silo = silo;
        Logs = logs;
    }

    public WebhookLogRecorder Logs { get; }

    public IGrainFactory Grains => _silo.GrainFactory;

    public static async Task<DashboardSilo> StartAsync(PostgreSqlTestDatabase database, TimeProvider time, IReadOnlyDictionary<string, string?>? configuration = null)
    {
        var settings = new Dictionary<string, string?>(configuration ?? new Dictionary<string, string?>())
        {
            ["Outbound:AllowLoopbackTargets"] = "true",
            ["Silo:GrainCollection:CollectionAge"] = "3650.00:00:00",
            ["Integrations:Credentials:MasterKeys:1"] = WebhookSilo.MasterKey,
            ["Dashboard:Data:DatabaseStatsMaxAge"] = "00:00:00",
            ["Dashboard:Data:TrackedRateLimitBuckets"] = "32",
        };
        var logs = new WebhookLogRecorder();
        var silo = await TestSilo.StartAsync(
            builder =>
            {
                builder.AddGrainsOnDatabase(database.ConnectionString);
                builder.Services.AddIdentityGrains();
                builder.AddWebhooks();
                builder.AddDashboardData();
                builder.Services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Debug));
                builder.Services.AddSingleton<ILoggerProvider>(logs);
            },
            time,
            settings);
        return new DashboardSilo(silo, logs);
    }

    /// <summary>Asks the silo's handler <paramref name="name"/> and returns its (only) answer; fails the test when it has none.</summary>
    public async Task<JsonElement> AskAsync(string name, object argument)
    {
        var control = _silo.Services.GetRequiredService<ISiloControl>();
        var answers = await control.AskAllAsync(name, JsonSerializer.SerializeToElement(argument));
        var answer = answers.Should().ContainSingle().Subject;
        answer.Error.Should().BeNull();
        return answer.Result!.Value;
    }

    public ValueTask DisposeAsync() => _silo.DisposeAsync();
}
