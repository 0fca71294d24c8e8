using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MindPeeker.Cluster.TestSilo;
using MindPeeker.Cluster.TestSilo.Launching;
using MindPeeker.Cluster.TestSilo.Grains;
using MindPeeker.Runtime;
using MindPeeker.Runtime.Cluster;
using MindPeeker.Runtime.Hosting;
using MindPeeker.Runtime.Storage.PostgreSql;
using MindPeeker.TestSupport;

namespace MindPeeker.Cluster.Tests.Harness;

/// <summary>
/// One test's cluster: a unique cluster id in the test class's database, silo processes started on demand, a
/// cluster client in this process, and direct access to the membership table. Disposing kills every silo still
/// running and stops the client. Membership timing is the runtime's default unless a test passes settings.
/// </summary>
internal sealed class ClusterUnderTest(PostgreSqlTestDatabase database) : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly List<TestSiloProcess> _silos = [];
    private readonly List<IHost> _clients = [];

    public string ClusterId { get; } = $"c{Guid.NewGuid():N}"[..20];

    public IReadOnlyList<TestSiloProcess> Silos => _silos;

    public MembershipTableReader Membership => new(database.DataSource, ClusterId);

    /// <summary>Starts a silo process and waits until it is Active; <paramref name="settings"/> are configuration keys (e.g. <c>Silo:Roles:0</c>).</summary>
    public async Task<TestSiloProcess> StartSiloAsync(string name, IReadOnlyDictionary<string, string>? settings = null)
    {
        var silo = await TestSiloProcess.StartAsync(
            TestSiloPaths.DotnetHost, TestSiloPaths.Assembly, database.ConnectionString, ClusterId, name, settings, StartTimeout);
        lock (_silos)
        {
            _silos.Add(silo);
        }

        return silo;
    }

    /// <summary>Starts <paramref name="count"/> cpu silos; the first alone (it migrates the schema), the rest together.</summary>
    public async Task<IReadOnlyList<TestSiloProcess>> StartSilosAsync(int count, IReadOnlyDictionary<string, string>? settings = null)
    {
        var first = await StartSiloAsync("silo-0", settings);
        var rest = await Task.WhenAll(Enumerable.Range(1, count - 1).Select(i => StartSiloAsync($"silo-{i}", settings)));
        return [first, .. rest];
    }

    /// <summary>A cluster client in this process (the same <c>AddClusterClient</c> a front end uses), started.</summary>
    public async Task<IGrainFactory> StartClientAsync()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Cluster:ClusterId"] = ClusterId });
        builder.Services.AddLogging();
        builder.Services.AddSingleton(_ => PostgreSqlDataSources.Create(database.ConnectionString));
        builder.Services.AddClusterClient(builder.Configuration, [typeof(TestSiloProtocol).Assembly]);
        var host = builder.Build();
        _clients.Add(host);
        await host.StartAsync();
        return host.Services.GetRequiredService<IGrainFactory>();
    }

    /// <summary>
    /// Waits until the client and every running silo list exactly the running silos as Active. Each process re-reads
    /// the membership table periodically (2 s by default), so right after a join the others do not know the new silo
    /// yet; tests about placement or failure detection wait for this, so that they measure what they name.
    /// Returns, per silo address, a fan-out worker key that runs on that silo.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, long>> WaitForConvergenceAsync(IGrainFactory client)
    {
        var expected = _silos.Where(s => !s.HasExited).Select(s => s.Address).Order(StringComparer.Ordinal).ToList();
        var membership = _clients[^1].Services.GetRequiredService<IClusterMembershipService>();
        await Eventually.UntilAsync(
            () => Task.FromResult(membership.CurrentSnapshot.ActiveSilos.Select(s => s.Address.ToString()).Order(StringComparer.Ordinal).SequenceEqual(expected)),
            $"the client to see the silos {string.Join(", ", expected)} Active");
        return await Eventually.WaitForAsync<IReadOnlyDictionary<string, long>>(async () =>
        {
            var keys = new Dictionary<string, long>();
            for (long key = 0; key < 200 && keys.Count < expected.Count; key++)
            {
                var view = await client.GetGrain<IFanOutGrain>(key).View();
                if (!view.ActiveSilos.Order(StringComparer.Ordinal).SequenceEqual(expected))
                {
                    return null;
                }

                keys.TryAdd(view.Silo, key);
            }

            return keys.Count == expected.Count ? keys : null;
        }, $"every silo to see the silos {string.Join(", ", expected)} Active");
    }

    /// <summary>The silo process whose address is <paramref name="address"/>.</summary>
    public TestSiloProcess SiloAt(string address) =>
        _silos.SingleOrDefault(s => s.Address == address)
        ?? throw new InvalidOperationException($"No silo of this test has address {address}; silos: {string.Join(", ", _silos)}.");

    /// <summary>Every silo's output, for a failure message.</summary>
    public string Diagnostics() => string.Join(Environment.NewLine, _silos.Select(s => $"--- {s} ---{Environment.NewLine}{s.Output}"));

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            await client.StopAsync();
            client.Dispose();
        }

        foreach (var silo in _silos)
        {
            await silo.DisposeAsync();
        }
    }
}
