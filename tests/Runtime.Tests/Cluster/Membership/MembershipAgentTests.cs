using MindPeeker.Runtime.Cluster;
using MindPeeker.Runtime.Cluster.Membership;
using MindPeeker.Runtime.Hosting;
using MindPeeker.Runtime.Storage.PostgreSql;
using MindPeeker.TestSupport;
using static MindPeeker.Runtime.Tests.Cluster.Membership.MembershipTestCluster;

namespace MindPeeker.Runtime.Tests.Cluster.Membership;

/// <summary>
/// The membership protocol end to end on a real PostgreSQL table, with a fake clock and a test prober whose
/// answers each test decides (the real prober is the transport's, wired later). Silos 1, 2 and 3 probe each
/// other: with the default NumProbedSilos of 3 each probes the two others.
/// </summary>
public sealed class MembershipAgentTests(PostgreSqlTestDatabase database) : IClassFixture<PostgreSqlTestDatabase>, IAsyncLifetime
{
    public async Task InitializeAsync() => await new PostgreSqlSchemaMigrator(database.DataSource, [ClusterSchema.Migrations]).MigrateAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Three_silos_join_and_each_sees_all_three_active()
    {
        await using var cluster = new MembershipTestCluster(database);

        var agents = await cluster.StartActiveAsync(1, 2, 3);
        await cluster.AdvanceAsync(cluster.Options.TableRefreshPeriod);

        foreach (var agent in agents)
        {
            agent.LocalStatus.Should().Be(SiloStatus.Active);
            agent.CurrentSnapshot.ActiveSilos.Select(e => e.Address).Should().Equal(Silo(1), Silo(2), Silo(3));
        }

        var table = await cluster.Table.ReadAllAsync();
        table.Rows.Should().OnlyContain(r => r.Entry.Status == SiloStatus.Active && r.Entry.SuspectTimes.Count == 0);
        table.Version.Should().Be(6, "three inserts and three status updates");
    }

    [Fact]
    public async Task A_silo_that_stops_answering_is_declared_dead_by_two_votes_after_the_missed_probe_limit()
    {
        await using var cluster = new MembershipTestCluster(database);
        await cluster.StartActiveAsync(1, 2, 3);
        var probe = cluster.Options.ProbePeriod;

        cluster.Network.Silence(Silo(3));
        await cluster.AdvanceAsync(probe, cluster.Options.NumMissedProbesLimit - 1);
        var beforeLimit = await cluster.RowAsync(3);
        await cluster.AdvanceAsync(probe);
        var atLimit = await cluster.RowAsync(3);

        beforeLimit.Entry.Status.Should().Be(SiloStatus.Active, "one missed probe short of the limit nobody votes");
        beforeLimit.Entry.SuspectTimes.Should().BeEmpty();
        atLimit.Entry.Status.Should().Be(SiloStatus.Dead);
        atLimit.Entry.SuspectTimes.Select(v => v.Voter).Should().BeEquivalentTo([Silo(1), Silo(2)]);
        (probe * cluster.Options.NumMissedProbesLimit).Should().BeLessThan(TimeSpan.FromSeconds(10), "the defaults must detect a kill -9 well under 10 s");
    }

    [Fact]
    public async Task A_single_vote_is_not_enough_in_a_three_silo_cluster()
    {
        await using var cluster = new MembershipTestCluster(database);
        await cluster.StartActiveAsync(1, 2, 3);

        cluster.Network.Cut(Silo(1), Silo(3));
        await cluster.AdvanceAsync(cluster.Options.ProbePeriod, 10);

        var row = await cluster.RowAsync(3);
        row.Entry.Status.Should().Be(SiloStatus.Active);
        row.Entry.SuspectTimes.Should().ContainSingle().Which.Voter.Should().Be(Silo(1), "a voter keeps one vote, refreshed");
    }

    [Fact]
    public async Task Votes_older_than_the_expiration_do_not_count()
    {
        var options = new ClusterMembershipOptions { DeathVoteExpiration = TimeSpan.FromSeconds(10) };
        await using var cluster = new MembershipTestCluster(database, options);
        await cluster.StartActiveAsync(1, 2, 3);
        var probe = options.ProbePeriod;

        cluster.Network.Cut(Silo(1), Silo(3));
        await cluster.AdvanceAsync(probe, options.NumMissedProbesLimit);
        cluster.Network.Heal(Silo(1), Silo(3));
        (await cluster.RowAsync(3)).Entry.SuspectTimes.Should().ContainSingle("silo 1 voted once");
        await cluster.AdvanceAsync(options.DeathVoteExpiration);
        cluster.Network.Cut(Silo(2), Silo(3));
        await cluster.AdvanceAsync(probe, options.NumMissedProbesLimit);

        var row = await cluster.RowAsync(3);
        row.Entry.Status.Should().Be(SiloStatus.Active, "silo 1's vote expired, so silo 2's is the only fresh one");
        row.Entry.SuspectTimes.Select(v => v.Voter).Should().Equal(Silo(2));
    }

    [Fact]
    public async Task A_shutting_down_silo_stops_voting_but_is_still_declared_dead_when_it_hangs()
    {
        await using var cluster = new MembershipTestCluster(database);
        var agents = await cluster.StartActiveAsync(1, 2, 3);
        await agents[2].ShutDownAsync(CancellationToken.None);
        await cluster.AdvanceAsync(cluster.Options.TableRefreshPeriod);

        cluster.Network.Cut(Silo(3), Silo(1));
        cluster.Network.Cut(Silo(3), Silo(2));
        cluster.Network.Silence(Silo(3));
        await cluster.AdvanceAsync(cluster.Options.ProbePeriod, cluster.Options.NumMissedProbesLimit);

        (await cluster.RowAsync(1)).Entry.SuspectTimes.Should().BeEmpty("a silo that is leaving no longer probes");
        var row = await cluster.RowAsync(3);
        row.Entry.Status.Should().Be(SiloStatus.Dead);
        row.Entry.SuspectTimes.Should().ContainSingle("the leaving silo is not Active, so two Active silos make min(2, 3 / 2) = 1 vote the quorum")
            .Which.Voter.Should().BeOneOf(Silo(1), Silo(2));
    }

    [Fact]
    public async Task The_silo_declared_dead_reads_it_raises_LocalSiloDeclaredDead_once_and_stops_its_loops()
    {
        await using var cluster = new MembershipTestCluster(database);
        var handler = new RecordingDeathHandler();
        var survivors = await cluster.StartActiveAsync(1, 2);
        var victim = cluster.CreateAgent(3, handler);
        var raised = 0;
        victim.LocalSiloDeclaredDead += _ => Interlocked.Increment(ref raised);
        await victim.JoinAsync(CancellationToken.None);
        await victim.BecomeActiveAsync(CancellationToken.None);
        foreach (var agent in survivors)
        {
            await agent.RefreshAsync();
        }

        cluster.Network.Silence(Silo(3));
        await cluster.AdvanceAsync(cluster.Options.ProbePeriod, cluster.Options.NumMissedProbesLimit + 1);
        var heartbeatWhenDead = (await cluster.RowAsync(3)).Entry.IAmAliveTime;
        await cluster.AdvanceAsync(cluster.Options.IAmAlivePeriod, 2);

        raised.Should().Be(1);
        handler.Calls.Should().Equal(Silo(3));
        victim.LocalStatus.Should().Be(SiloStatus.Dead);
        (await cluster.RowAsync(3)).Entry.IAmAliveTime.Should().Be(heartbeatWhenDead, "a dead silo's loops stop, so it writes no more heartbeats");
        survivors[0].CurrentSnapshot.GetStatus(Silo(3)).Should().Be(SiloStatus.Dead);
    }

    [Fact]
    public async Task A_silo_whose_row_disappears_treats_itself_as_dead()
    {
        await using var cluster = new MembershipTestCluster(database);
        var agent = (await cluster.StartActiveAsync(1))[0];
        var raised = new TaskCompletionSource<SiloAddress>(TaskCreationOptions.RunContinuationsAsynchronously);
        agent.LocalSiloDeclaredDead += silo => raised.TrySetResult(silo);

        await cluster.Table.DeleteClusterAsync();
        await cluster.AdvanceAsync(cluster.Options.TableRefreshPeriod);

        (await raised.Task.WaitAsync(TimeSpan.FromSeconds(10))).Should().Be(Silo(1));
    }

    [Fact]
    public async Task Graceful_shutdown_records_every_status_and_is_not_a_death_sentence()
    {
        await using var cluster = new MembershipTestCluster(database);
        var observer = (await cluster.StartActiveAsync(1))[0];
        var agent = cluster.CreateAgent(2);
        var raised = false;
        agent.LocalSiloDeclaredDead += _ => raised = true;
        var recorded = new List<SiloStatus>();

        await agent.JoinAsync(CancellationToken.None);
        recorded.Add((await cluster.RowAsync(2)).Entry.Status);
        await agent.BecomeActiveAsync(CancellationToken.None);
        recorded.Add((await cluster.RowAsync(2)).Entry.Status);
        await agent.ShutDownAsync(CancellationToken.None);
        recorded.Add((await cluster.RowAsync(2)).Entry.Status);
        await agent.StoppingAsync(CancellationToken.None);
        recorded.Add((await cluster.RowAsync(2)).Entry.Status);
        await agent.DeadAsync(CancellationToken.None);
        recorded.Add((await cluster.RowAsync(2)).Entry.Status);
        await cluster.AdvanceAsync(cluster.Options.TableRefreshPeriod);

        recorded.Should().Equal(SiloStatus.Joining, SiloStatus.Active, SiloStatus.ShuttingDown, SiloStatus.Stopping, SiloStatus.Dead);
        raised.Should().BeFalse();
        observer.CurrentSnapshot.GetStatus(Silo(2)).Should().Be(SiloStatus.Dead);
        (await cluster.RowAsync(2)).Entry.SuspectTimes.Should().BeEmpty("nobody voted: the silo wrote Dead itself");
    }

    [Fact]
    public async Task Cleanup_removes_only_dead_rows_past_the_expiration()
    {
        var options = new ClusterMembershipOptions { DefunctSiloCleanupPeriod = TimeSpan.FromSeconds(10), DefunctSiloExpiration = TimeSpan.FromMinutes(1) };
        await using var cluster = new MembershipTestCluster(database, options);
        var longAgo = cluster.Time.GetUtcNow().AddHours(-1);
        await InsertAsync(cluster.Table, 7, SiloStatus.Dead, longAgo);
        await InsertAsync(cluster.Table, 8, SiloStatus.Active, longAgo);
        await InsertAsync(cluster.Table, 9, SiloStatus.ShuttingDown, longAgo);
        await InsertAsync(cluster.Table, 10, SiloStatus.Dead, cluster.Time.GetUtcNow());
        await cluster.StartActiveAsync(1);

        await cluster.AdvanceAsync(options.ProbePeriod, (int)(options.DefunctSiloCleanupPeriod / options.ProbePeriod));

        var rows = (await cluster.Table.ReadAllAsync()).Rows;
        rows.Select(r => r.Entry.Address.Port).Should().BeEquivalentTo([1, 8, 9, 10]);
    }

    [Fact]
    public async Task A_cluster_client_follows_the_table_without_writing_to_it()
    {
        await using var cluster = new MembershipTestCluster(database);
        await using var reader = new MembershipTableReader(
            cluster.Table, Microsoft.Extensions.Options.Options.Create(cluster.Options), cluster.Time,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<MembershipTableReader>.Instance);
        await reader.StartAsync(CancellationToken.None);
        var changed = new TaskCompletionSource<MembershipSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
        reader.SnapshotChanged += s => changed.TrySetResult(s);

        await cluster.StartActiveAsync(1, 2);
        cluster.Time.Advance(cluster.Options.TableRefreshPeriod);
        await reader.WhenIdleAsync();

        var snapshot = await changed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        snapshot.ActiveSilos.Select(e => e.Address).Should().Equal(Silo(1), Silo(2));
        reader.CurrentSnapshot.Should().BeSameAs(snapshot);
        (await cluster.Table.ReadAllAsync()).Rows.Should().HaveCount(2, "a client has no row of its own");
    }

    private static async Task InsertAsync(IMembershipTable table, int port, SiloStatus status, DateTimeOffset heartbeat)
    {
        var entry = new MembershipEntry
        {
            Address = Silo(port),
            Status = status,
            SiloName = $"silo-{port}",
            HostName = "test-host",
            Roles = ["cpu"],
            StartTime = heartbeat,
            IAmAliveTime = heartbeat,
        };
        (await table.InsertRowAsync(entry, (await table.ReadAllAsync()).Version)).Should().BeTrue();
    }

    private sealed class RecordingDeathHandler : ILocalSiloDeclaredDeadHandler
    {
        public List<SiloAddress> Calls { get; } = [];

        public void OnLocalSiloDeclaredDead(SiloAddress silo)
        {
            lock (Calls)
            {
                Calls.Add(silo);
            }
        }
    }
}
