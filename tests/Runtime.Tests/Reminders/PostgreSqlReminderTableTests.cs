using MindPeeker.Runtime.Cluster;
using MindPeeker.Runtime.Reminders;
using MindPeeker.Runtime.Storage.PostgreSql;
using MindPeeker.TestSupport;

namespace MindPeeker.Runtime.Tests.Reminders;

public sealed class PostgreSqlReminderTableTests(PostgreSqlTestDatabase database) : IClassFixture<PostgreSqlTestDatabase>, IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, 123, TimeSpan.Zero);

    private readonly PostgreSqlReminderTable _table = new(database.DataSource, "reminder-tests");

    public async Task InitializeAsync() => await new PostgreSqlSchemaMigrator(database.DataSource, [ClusterSchema.Migrations]).MigrateAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task An_upserted_row_reads_back_with_its_etag()
    {
        var entry = Entry(NewGrainId(), "daily");

        var eTag = await _table.UpsertRowAsync(entry);

        (await _table.ReadRowAsync(entry.GrainId, "daily")).Should().Be(entry with { ETag = eTag });
    }

    [Fact]
    public async Task Upserting_again_replaces_the_schedule_and_changes_the_etag()
    {
        var entry = Entry(NewGrainId(), "daily");
        var first = await _table.UpsertRowAsync(entry);
        var updated = entry with { StartAt = Start.AddHours(1), Period = TimeSpan.FromMinutes(5) };

        var second = await _table.UpsertRowAsync(updated);

        second.Should().NotBe(first);
        (await _table.ReadRowAsync(entry.GrainId, "daily")).Should().Be(updated with { ETag = second });
    }

    [Fact]
    public async Task Remove_with_a_stale_etag_keeps_the_row_and_with_the_current_one_deletes_it()
    {
        var entry = Entry(NewGrainId(), "daily");
        var stale = await _table.UpsertRowAsync(entry);
        var current = await _table.UpsertRowAsync(entry);

        (await _table.RemoveRowAsync(entry.GrainId, "daily", stale)).Should().BeFalse();
        (await _table.RemoveRowAsync(entry.GrainId, "daily", "not-a-version")).Should().BeFalse();
        (await _table.ReadRowAsync(entry.GrainId, "daily")).Should().NotBeNull();

        (await _table.RemoveRowAsync(entry.GrainId, "daily", current)).Should().BeTrue();
        (await _table.ReadRowAsync(entry.GrainId, "daily")).Should().BeNull();
        (await _table.RemoveRowAsync(entry.GrainId, "daily", current)).Should().BeFalse();
    }

    [Fact]
    public async Task Reading_by_grain_returns_only_that_grains_reminders_in_name_order()
    {
        var grain = NewGrainId();
        await _table.UpsertRowAsync(Entry(grain, "weekly"));
        await _table.UpsertRowAsync(Entry(grain, "daily"));
        await _table.UpsertRowAsync(Entry(NewGrainId(), "daily"));

        var rows = await _table.ReadRowsAsync(grain);

        rows.Select(r => r.ReminderName).Should().Equal("daily", "weekly");
        rows.Should().OnlyContain(r => r.GrainId == grain);
        (await _table.ReadRowsAsync(NewGrainId())).Should().BeEmpty();
    }

    [Fact]
    public async Task Reading_by_ring_ranges_returns_exactly_the_rows_each_silo_owns()
    {
        var table = new PostgreSqlReminderTable(database.DataSource, "range-tests");
        var grains = Enumerable.Range(0, 300).Select(_ => NewGrainId()).ToArray();
        foreach (var grain in grains)
        {
            await table.UpsertRowAsync(Entry(grain, "r"));
        }

        SiloAddress[] silos = [new("10.0.0.1", 1, 1), new("10.0.0.2", 1, 1), new("10.0.0.3", 1, 1)];
        var ring = new ConsistentRing(silos, virtualPointsPerSilo: 5);
        var seen = new List<GrainId>();
        foreach (var silo in silos)
        {
            var rows = await table.ReadRowsAsync(ring.GetOwnedRanges(silo));
            rows.Should().OnlyContain(r => ring.IsOwnedBy(r.GrainId, silo));
            seen.AddRange(rows.Select(r => r.GrainId));
        }

        seen.Should().BeEquivalentTo(grains, "every reminder belongs to exactly one silo");
        (await table.ReadRowsAsync([RingRange.Full])).Should().HaveCount(grains.Length);
        (await table.ReadRowsAsync([])).Should().BeEmpty();
    }

    [Fact]
    public async Task A_wrapping_range_covers_both_ends_of_the_ring()
    {
        var table = new PostgreSqlReminderTable(database.DataSource, "wrap-tests");
        var grains = Enumerable.Range(0, 200).Select(_ => NewGrainId()).ToArray();
        foreach (var grain in grains)
        {
            await table.UpsertRowAsync(Entry(grain, "r"));
        }

        var wrap = new RingRange(uint.MaxValue / 4 * 3, uint.MaxValue / 4);

        var rows = await table.ReadRowsAsync([wrap]);

        rows.Select(r => r.GrainId).Should().BeEquivalentTo(grains.Where(g => wrap.Contains(ConsistentRing.GetHash(g))));
        rows.Should().NotBeEmpty();
    }

    [Fact]
    public async Task Cluster_ids_sharing_a_database_do_not_see_each_other()
    {
        var grain = NewGrainId();
        var blue = new PostgreSqlReminderTable(database.DataSource, "blue");
        var green = new PostgreSqlReminderTable(database.DataSource, "green");
        var blueTag = await blue.UpsertRowAsync(Entry(grain, "r"));

        (await green.ReadRowAsync(grain, "r")).Should().BeNull();
        (await green.ReadRowsAsync([RingRange.Full])).Should().BeEmpty();
        (await green.RemoveRowAsync(grain, "r", blueTag)).Should().BeFalse();

        (await blue.ReadRowAsync(grain, "r")).Should().NotBeNull();
    }

    private static GrainId NewGrainId() => GrainId.Create("reminder-test", Guid.NewGuid().ToString("N"));

    private static ReminderEntry Entry(GrainId grain, string name) =>
        new() { GrainId = grain, ReminderName = name, StartAt = Start, Period = TimeSpan.FromMinutes(1) };
}
