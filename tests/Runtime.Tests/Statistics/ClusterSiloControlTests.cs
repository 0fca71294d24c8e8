using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MindPeeker.Runtime.Cluster;
using MindPeeker.Runtime.Hosting;
using MindPeeker.Runtime.Management;
using MindPeeker.Runtime.Statistics;
using MindPeeker.Runtime.Tests.Grains;
using MindPeeker.Runtime.Tests.Reminders;
using MindPeeker.TestSupport;

namespace MindPeeker.Runtime.Tests.Statistics;

/// <summary>
/// Silo control across a real two-silo cluster (membership, directory and TCP transport on PostgreSQL, both silos
/// in this process) asked from a cluster client, as the front end asks it.
/// </summary>
public sealed class ClusterSiloControlTests(PostgreSqlTestDatabase database) : IClassFixture<PostgreSqlTestDatabase>, IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly string _clusterId = $"ctl{Guid.NewGuid():N}"[..20];
    private readonly TaskCompletionSource<JsonElement> _neverAnswered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<IAsyncDisposable> _hosts = [];
    private TestSilo _first = null!;
    private TestSilo _second = null!;
    private IHost _client = null!;

    public async Task InitializeAsync()
    {
        _first = await StartSiloAsync("silo-a", builder => { });
        _second = await StartSiloAsync("silo-b", builder => builder.Services.AddSingleton<ISiloControlHandler>(new StuckHandler(_neverAnswered.Task)));
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Cluster:ClusterId"] = _clusterId,
            ["SiloControl:AnswerTimeout"] = "00:00:01",
        });
        builder.Services.AddLogging();
        builder.Services.AddSingleton(database.DataSource);
        builder.Services.AddClusterClient(builder.Configuration, [typeof(IPersistentCounterGrain).Assembly]);
        _client = builder.Build();
        await _client.StartAsync();
        var views = new[] { _client.Services, _first.Services, _second.Services }.Select(s => s.GetRequiredService<IClusterMembershipService>()).ToList();
        var started = TimeProvider.System.GetTimestamp();
        while (views.Any(v => v.CurrentSnapshot.ActiveSilos.Count < 2))
        {
            TimeProvider.System.GetElapsedTime(started).Should().BeLessThan(Patience, "the client and both silos should see both silos Active");
            await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System);
        }
    }

    public async Task DisposeAsync()
    {
        _neverAnswered.TrySetResult(default);
        await _client.StopAsync();
        _client.Dispose();
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }
    }

    [Fact]
    public async Task The_client_hears_every_silo_each_reporting_its_own_calls()
    {
        var grains = _client.Services.GetRequiredService<IGrainFactory>();
        for (var key = 0; key < 20; key++)
        {
            await grains.GetGrain<IStatisticsProbeGrain>(key).Work(0);
        }

        var answers = await Control().AskAllAsync(DashboardControlNames.Silo, default);

        answers.Should().HaveCount(2);
        answers.Should().OnlyContain(a => a.Answered && a.Error == null);
        answers.Select(a => a.SiloName).Should().BeEquivalentTo("silo-a", "silo-b");
        var reports = answers.Select(a => a.Result!.Value.Deserialize<SiloDashboardReport>()!).ToList();
        reports.Select(r => r.InstanceId).Should().OnlyHaveUniqueItems();
        reports.Sum(r => r.Methods.Where(m => m.Method == "IStatisticsProbeGrain.Work").Sum(m => m.Calls)).Should().Be(20);
    }

    [Fact]
    public async Task A_silo_that_does_not_answer_in_time_is_listed_as_not_answered()
    {
        var started = TimeProvider.System.GetTimestamp();

        var answers = await Control().AskAllAsync(StuckHandler.HandlerName, default);

        TimeProvider.System.GetElapsedTime(started).Should().BeLessThan(TimeSpan.FromSeconds(10));
        answers.Should().HaveCount(2);
        answers.Single(a => a.SiloName == "silo-b").Should().Match<SiloControlAnswer>(a => !a.Answered && a.Result == null && a.Error!.Contains("did not answer"));
        answers.Single(a => a.SiloName == "silo-a").Should().Match<SiloControlAnswer>(a => a.Answered && a.Error!.Contains("no silo control handler"));
    }

    [Fact]
    public async Task The_inspector_finds_the_one_silo_that_hosts_the_grain()
    {
        var grain = _client.Services.GetRequiredService<IGrainFactory>().GetGrain<IPersistentCounterGrain>(Guid.NewGuid());
        await grain.Increment();
        var argument = JsonSerializer.SerializeToElement(new GrainInspectionRequest(grain.GetGrainId().Type, grain.GetGrainId().Key));

        var answers = await Control().AskAllAsync(DashboardControlNames.Grain, argument);

        var inspections = answers.Select(a => (a.SiloName, Inspection: a.Result!.Value.Deserialize<GrainInspection>()!)).ToList();
        inspections.Where(i => i.Inspection.Activated).Should().ContainSingle()
            .Which.Inspection.States["counter"]!.ToJsonString().Should().Be("""{"count":1}""");
    }

    [Fact]
    public async Task Every_reminder_is_listed_once_by_the_silo_that_schedules_it()
    {
        var grains = _client.Services.GetRequiredService<IGrainFactory>();
        var keys = Enumerable.Range(0, 12).Select(i => $"dash-{_clusterId}-{i}").ToList();
        foreach (var key in keys)
        {
            await grains.GetGrain<IReminderProbeGrain>(key).Register("tick", TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10));
        }

        var answers = await Control().AskAllAsync(DashboardControlNames.Reminders, default);

        var listed = answers.SelectMany(a => a.Result!.Value.Deserialize<List<ReminderListing>>()!.Select(r => (a.SiloName, Reminder: r))).ToList();
        var ours = listed.Where(l => keys.Any(k => l.Reminder.GrainId.EndsWith("/" + k, StringComparison.Ordinal))).ToList();
        ours.Should().HaveCount(12);
        ours.Should().OnlyContain(l => l.Reminder.Name == "tick" && l.Reminder.Period == TimeSpan.FromMinutes(10) && l.Reminder.NextDue == l.Reminder.StartAt);
        ours.Select(l => l.Reminder.GrainId).Should().OnlyHaveUniqueItems();
    }

    private ISiloControl Control() => _client.Services.GetRequiredService<ISiloControl>();

    private async Task<TestSilo> StartSiloAsync(string name, Action<ISiloBuilder> configure)
    {
        var silo = await TestSilo.StartAsync(
            builder =>
            {
                builder.Services.AddSingleton(database.DataSource);
                builder.Services.AddSingleton<TestLedger>();
                builder.AddGrains(typeof(ClusterSiloControlTests).Assembly).AddMemoryGrainStorage();
                builder.UseClustering();
                builder.UsePostgreSqlReminderService();
                configure(builder);
            },
            configuration: new Dictionary<string, string?>
            {
                ["Silo:ClusterId"] = _clusterId,
                ["Silo:SiloName"] = name,
                ["Silo:Endpoints:SiloPort"] = "0",
                ["Silo:Endpoints:ListenAddress"] = "127.0.0.1",
            });
        _hosts.Add(silo);
        return silo;
    }

    /// <summary>Never answers (until the test ends), whatever the cancellation token says.</summary>
    private sealed class StuckHandler(Task<JsonElement> never) : ISiloControlHandler
    {
        public const string HandlerName = "test.stuck";

        public string Name => HandlerName;

        public ValueTask<JsonElement> HandleAsync(JsonElement argument, CancellationToken cancellationToken) => new(never);
    }
}
