using System.Collections.Concurrent;
using MindPeeker.Runtime.Cluster;
using MindPeeker.Runtime.Cluster.Membership;
using MindPeeker.Runtime.Hosting;

namespace MindPeeker.Runtime.Tests.Cluster.Membership;

/// <summary>
/// What every <see cref="IMembershipTable"/> must do (Orleans' <c>MembershipTableTestsBase</c>), written once
/// and run against each implementation by a derived class. Each test uses a cluster id of its own.
/// </summary>
public abstract class MembershipTableContractTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    protected abstract IMembershipTable CreateTable(string clusterId);

    [Fact]
    public async Task A_cluster_that_never_had_a_member_reads_empty_at_version_zero()
    {
        var table = NewTable();

        var data = await table.ReadAllAsync();

        data.Version.Should().Be(0);
        data.Rows.Should().BeEmpty();
    }

    [Fact]
    public async Task Insert_then_read_returns_every_field_with_etag_zero_at_version_one()
    {
        var table = NewTable();
        var entry = Entry(1) with
        {
            Roles = ["cpu", "gpu"],
            IsGateway = false,
            SuspectTimes = [new SuspicionVote(Silo(2), T0.AddSeconds(-5))],
        };

        (await table.InsertRowAsync(entry, 0)).Should().BeTrue();
        var all = await table.ReadAllAsync();
        var one = await table.ReadRowAsync(entry.Address);

        all.Version.Should().Be(1);
        all.Rows.Should().ContainSingle().Which.Should().BeEquivalentTo(new MembershipTableRow(entry, 0));
        one.Version.Should().Be(1);
        one.Find(entry.Address).Should().BeEquivalentTo(new MembershipTableRow(entry, 0));
    }

    [Fact]
    public async Task ReadRow_of_an_unknown_silo_gives_the_version_and_no_row()
    {
        var table = NewTable();
        await table.InsertRowAsync(Entry(1), 0);

        var data = await table.ReadRowAsync(Silo(9));

        data.Version.Should().Be(1);
        data.Rows.Should().BeEmpty();
    }

    [Fact]
    public async Task A_second_insert_of_the_same_silo_is_refused_and_changes_nothing()
    {
        var table = NewTable();
        await table.InsertRowAsync(Entry(1), 0);

        var inserted = await table.InsertRowAsync(Entry(1) with { Status = SiloStatus.Active }, 1);

        inserted.Should().BeFalse();
        var data = await table.ReadAllAsync();
        data.Version.Should().Be(1, "a refused insert must not move the version");
        data.Rows.Should().ContainSingle().Which.Entry.Status.Should().Be(SiloStatus.Joining);
    }

    [Fact]
    public async Task An_insert_with_a_stale_table_version_writes_nothing()
    {
        var table = NewTable();
        await table.InsertRowAsync(Entry(1), 0);

        var inserted = await table.InsertRowAsync(Entry(2), 0);

        inserted.Should().BeFalse();
        var data = await table.ReadAllAsync();
        data.Version.Should().Be(1);
        data.Rows.Select(r => r.Entry.Address).Should().Equal(Silo(1));
    }

    [Fact]
    public async Task An_update_with_the_current_etag_and_version_advances_both()
    {
        var table = NewTable();
        await table.InsertRowAsync(Entry(1), 0);
        var voted = Entry(1) with { Status = SiloStatus.Active, SuspectTimes = [new SuspicionVote(Silo(2), T0.AddSeconds(3))] };

        (await table.UpdateRowAsync(voted, 0, 1)).Should().BeTrue();

        var data = await table.ReadAllAsync();
        data.Version.Should().Be(2);
        data.Find(Silo(1)).Should().BeEquivalentTo(new MembershipTableRow(voted, 1));
    }

    [Fact]
    public async Task An_update_with_a_stale_row_etag_is_refused_and_writes_nothing()
    {
        var table = NewTable();
        await table.InsertRowAsync(Entry(1), 0);
        await table.UpdateRowAsync(Entry(1) with { Status = SiloStatus.Active }, 0, 1);

        var updated = await table.UpdateRowAsync(Entry(1) with { Status = SiloStatus.Dead }, 0, 2);

        updated.Should().BeFalse();
        var data = await table.ReadAllAsync();
        data.Version.Should().Be(2, "the version must not move without the row");
        data.Find(Silo(1))!.Entry.Status.Should().Be(SiloStatus.Active);
        data.Find(Silo(1))!.ETag.Should().Be(1);
    }

    [Fact]
    public async Task An_update_with_a_stale_table_version_is_refused_and_writes_nothing()
    {
        var table = NewTable();
        await table.InsertRowAsync(Entry(1), 0);
        await table.InsertRowAsync(Entry(2), 1);

        var updated = await table.UpdateRowAsync(Entry(1) with { Status = SiloStatus.Dead }, 0, 1);

        updated.Should().BeFalse();
        var data = await table.ReadAllAsync();
        data.Version.Should().Be(2);
        data.Find(Silo(1)).Should().BeEquivalentTo(new MembershipTableRow(Entry(1), 0), "the row must not change without the version");
    }

    [Fact]
    public async Task An_update_of_a_missing_row_is_refused_and_does_not_move_the_version()
    {
        var table = NewTable();
        await table.InsertRowAsync(Entry(1), 0);

        (await table.UpdateRowAsync(Entry(2) with { Status = SiloStatus.Dead }, 0, 1)).Should().BeFalse();

        (await table.ReadAllAsync()).Version.Should().Be(1);
    }

    [Fact]
    public async Task Parallel_joins_against_one_version_have_one_winner_and_retries_end_with_every_row()
    {
        const int silos = 20;
        var table = NewTable();
        var start = await table.ReadAllAsync();

        var firstTry = await Task.WhenAll(Enumerable.Range(1, silos).Select(port => Task.Run(() => table.InsertRowAsync(Entry(port), start.Version))));
        var successes = firstTry.Count(won => won);
        successes.Should().Be(1, "every insert presented the same version, so exactly one may win it");

        var retries = await Task.WhenAll(Enumerable.Range(1, silos).Where(port => !firstTry[port - 1]).Select(port => Task.Run(() => JoinWithRetryAsync(table, Entry(port)))));
        successes += retries.Length;

        var data = await table.ReadAllAsync();
        data.Rows.Should().HaveCount(silos);
        data.Version.Should().Be(successes).And.Be(silos);
    }

    [Fact]
    public async Task Racing_updates_of_one_row_have_one_winner_per_etag_and_version()
    {
        const int writers = 12;
        const int attemptsEach = 5;
        var table = NewTable();
        await table.InsertRowAsync(Entry(1), 0);
        var initialVersion = (await table.ReadAllAsync()).Version;
        var wins = new ConcurrentBag<(int ETag, long Version)>();

        await Task.WhenAll(Enumerable.Range(100, writers).Select(voter => Task.Run(async () =>
        {
            for (var attempt = 0; attempt < attemptsEach; attempt++)
            {
                var read = await table.ReadRowAsync(Silo(1));
                var row = read.Find(Silo(1))!;
                var voted = row.Entry with { SuspectTimes = [.. row.Entry.SuspectTimes, new SuspicionVote(Silo(voter), T0)] };
                if (await table.UpdateRowAsync(voted, row.ETag, read.Version))
                {
                    wins.Add((row.ETag, read.Version));
                }
            }
        })));

        wins.Should().OnlyHaveUniqueItems("two writers may not both win the same (etag, version)");
        wins.Should().NotBeEmpty();
        var final = await table.ReadAllAsync();
        final.Version.Should().Be(initialVersion + wins.Count);
        final.Find(Silo(1))!.ETag.Should().Be(wins.Count);
        final.Find(Silo(1))!.Entry.SuspectTimes.Should().HaveCount(wins.Count, "every win appended one vote and no write was lost");
    }

    [Fact]
    public async Task IAmAlive_writes_only_the_heartbeat_and_moves_neither_version_nor_etag()
    {
        var table = NewTable();
        await table.InsertRowAsync(Entry(1), 0);

        await table.UpdateIAmAliveAsync(Entry(1) with { IAmAliveTime = T0.AddSeconds(30), Status = SiloStatus.Dead });

        var data = await table.ReadAllAsync();
        data.Version.Should().Be(1);
        var row = data.Find(Silo(1))!;
        row.ETag.Should().Be(0);
        row.Entry.IAmAliveTime.Should().Be(T0.AddSeconds(30));
        row.Entry.Status.Should().Be(SiloStatus.Joining, "a heartbeat must not change the status");
        (await table.UpdateRowAsync(Entry(1) with { Status = SiloStatus.Active }, 0, 1)).Should().BeTrue("the heartbeat did not invalidate the etag");
    }

    [Fact]
    public async Task An_update_never_moves_the_heartbeat_backwards()
    {
        var table = NewTable();
        await table.InsertRowAsync(Entry(1), 0);
        await table.UpdateIAmAliveAsync(Entry(1) with { IAmAliveTime = T0.AddSeconds(60) });

        // A voter writes the row it read before the heartbeat.
        await table.UpdateRowAsync(Entry(1) with { SuspectTimes = [new SuspicionVote(Silo(2), T0.AddSeconds(61))] }, 0, 1);

        (await table.ReadAllAsync()).Find(Silo(1))!.Entry.IAmAliveTime.Should().Be(T0.AddSeconds(60));
    }

    [Fact]
    public async Task Cleanup_deletes_only_dead_rows_whose_heartbeat_is_older_than_the_cutoff()
    {
        var table = NewTable();
        var old = T0.AddDays(-2);
        await InsertAsync(table, Entry(1, SiloStatus.Dead) with { IAmAliveTime = old });
        await InsertAsync(table, Entry(2, SiloStatus.Dead) with { IAmAliveTime = T0 });
        await InsertAsync(table, Entry(3, SiloStatus.Active) with { IAmAliveTime = old });
        await InsertAsync(table, Entry(4, SiloStatus.ShuttingDown) with { IAmAliveTime = old });
        await InsertAsync(table, Entry(5, SiloStatus.Joining) with { IAmAliveTime = old });

        var deleted = await table.CleanupDefunctSiloEntriesAsync(T0.AddDays(-1));

        deleted.Should().Be(1);
        (await table.ReadAllAsync()).Rows.Select(r => r.Entry.Address.Port).Should().BeEquivalentTo([2, 3, 4, 5]);
    }

    [Fact]
    public async Task Clusters_sharing_a_database_are_independent()
    {
        var blue = NewTable();
        var green = NewTable();
        await blue.InsertRowAsync(Entry(1), 0);

        (await green.ReadAllAsync()).Version.Should().Be(0);
        (await green.InsertRowAsync(Entry(1), 0)).Should().BeTrue("the same silo may be a member of another cluster");
        await green.DeleteClusterAsync();

        var data = await blue.ReadAllAsync();
        data.Version.Should().Be(1);
        data.Rows.Should().ContainSingle();
        (await green.ReadAllAsync()).Rows.Should().BeEmpty();
    }

    protected static SiloAddress Silo(int port) => new("10.0.0.1", port, 7);

    protected static MembershipEntry Entry(int port, SiloStatus status = SiloStatus.Joining) => new()
    {
        Address = Silo(port),
        Status = status,
        SiloName = $"silo-{port}",
        HostName = "host-a",
        Roles = ["cpu"],
        StartTime = T0,
        IAmAliveTime = T0,
    };

    private IMembershipTable NewTable() => CreateTable($"test-{Guid.NewGuid():N}");

    private static async Task InsertAsync(IMembershipTable table, MembershipEntry entry) =>
        (await table.InsertRowAsync(entry, (await table.ReadAllAsync()).Version)).Should().BeTrue();

    private static async Task<bool> JoinWithRetryAsync(IMembershipTable table, MembershipEntry entry)
    {
        // Every round has a winner, so 20 joiners need at most 20 rounds; the cap only turns a bug into a failure.
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var read = await table.ReadAllAsync();
            if (await table.InsertRowAsync(entry, read.Version))
            {
                return true;
            }
        }

        throw new InvalidOperationException($"{entry.Address} could not join in 100 attempts.");
    }
}
