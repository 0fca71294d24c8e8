using Microsoft.Extensions.Logging.Abstractions;
using MindPeeker.Runtime.Cluster;
using MindPeeker.Runtime.Cluster.Membership;
using MindPeeker.TestSupport;

namespace MindPeeker.Runtime.Tests.Cluster.Membership;

/// <summary>
/// Membership agents of one cluster on a real PostgreSQL table, a shared <see cref="FakeTimeProvider"/> and a
/// <see cref="TestSiloNetwork"/>. <see cref="AdvanceAsync"/> moves the clock and waits for every loop run the
/// move started, so each step is deterministic.
/// </summary>
internal sealed class MembershipTestCluster(PostgreSqlTestDatabase database, ClusterMembershipOptions? options = null) : IAsyncDisposable
{
    private readonly List<MembershipAgent> _agents = [];

    public string ClusterId { get; } = $"agents-{Guid.NewGuid():N}";

    public FakeTimeProvider Time { get; } = new();

    public TestSiloNetwork Network { get; } = new();

    public ClusterMembershipOptions Options { get; } = options ?? new ClusterMembershipOptions();

    public IMembershipTable Table => new PostgreSqlMembershipTable(database.DataSource, ClusterId);

    public static SiloAddress Silo(int port) => new("127.0.0.1", port, 1);

    public MembershipAgent CreateAgent(int port, params ILocalSiloDeclaredDeadHandler[] handlers)
    {
        var agent = new MembershipAgent(
            Table,
            Network.ProberOf(Silo(port)),
            new LocalSiloDetails(Silo(port), $"silo-{port}", "test-host", ["cpu"]),
            Microsoft.Extensions.Options.Options.Create(Options),
            Time,
            NullLogger<MembershipAgent>.Instance,
            handlers);
        _agents.Add(agent);
        return agent;
    }

    /// <summary>Creates, joins and activates one agent per port, then lets every agent read the full table.</summary>
    public async Task<MembershipAgent[]> StartActiveAsync(params int[] ports)
    {
        var agents = ports.Select(p => CreateAgent(p)).ToArray();
        foreach (var agent in agents)
        {
            await agent.JoinAsync(CancellationToken.None);
            await agent.BecomeActiveAsync(CancellationToken.None);
        }

        foreach (var agent in agents)
        {
            await agent.RefreshAsync();
        }

        return agents;
    }

    /// <summary>Advances the clock by <paramref name="step"/> once per step and waits for the runs each step started.</summary>
    public async Task AdvanceAsync(TimeSpan step, int times = 1)
    {
        for (var i = 0; i < times; i++)
        {
            Time.Advance(step);
            await Task.WhenAll(_agents.Select(a => a.WhenLoopsIdleAsync())).WaitAsync(TimeSpan.FromSeconds(30));
        }
    }

    public async Task<MembershipTableRow> RowAsync(int port) =>
        (await Table.ReadRowAsync(Silo(port))).Find(Silo(port)) ?? throw new InvalidOperationException($"No row for {Silo(port)}.");

    public async ValueTask DisposeAsync()
    {
        foreach (var agent in _agents)
        {
            await agent.DisposeAsync();
        }
    }
}
