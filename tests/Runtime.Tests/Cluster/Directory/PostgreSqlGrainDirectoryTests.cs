using MindPeeker.Runtime.Cluster;
using MindPeeker.Runtime.Cluster.Directory;
using MindPeeker.Runtime.Storage.PostgreSql;
using MindPeeker.TestSupport;

namespace MindPeeker.Runtime.Tests.Cluster.Directory;

public sealed class PostgreSqlGrainDirectoryTests(PostgreSqlTestDatabase database) : IClassFixture<PostgreSqlTestDatabase>, IAsyncLifetime
{
    private static readonly SiloAddress SiloA = new("10.0.0.1", 11111, 1);
    private static readonly SiloAddress SiloB = new("10.0.0.2", 11111, 1);
    private static readonly SiloAddress SiloC = new("10.0.0.3", 11111, 1);

    private readonly PostgreSqlGrainDirectory _directory = new(database.DataSource, "directory-tests");

    public async Task InitializeAsync() => await new PostgreSqlSchemaMigrator(database.DataSource, [ClusterSchema.Migrations]).MigrateAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Fifty_parallel_registrations_of_one_grain_all_get_the_same_single_winner()
    {
        var grain = NewGrainId();
        var candidates = Enumerable.Range(0, 50).Select(i => Address(grain, i % 2 == 0 ? SiloA : SiloB)).ToArray();

        var results = await Task.WhenAll(candidates.Select(c => Task.Run(() => _directory.RegisterAsync(c))));

        results.Distinct().Should().ContainSingle("every caller must see the one activation that won");
        candidates.Should().Contain(results[0]);
        (await _directory.LookupAsync(grain)).Should().Be(results[0]);
        (await RowCountAsync(grain)).Should().Be(1);
    }

    [Fact]
    public async Task A_later_registration_gets_the_existing_winner_and_does_not_overwrite_it()
    {
        var grain = NewGrainId();
        var first = Address(grain, SiloA);
        (await _directory.RegisterAsync(first)).Should().Be(first);

        var second = await _directory.RegisterAsync(Address(grain, SiloB));

        second.Should().Be(first);
        (await _directory.LookupAsync(grain)).Should().Be(first);
    }

    [Fact]
    public async Task Unregister_with_another_activation_id_or_silo_removes_nothing()
    {
        var grain = NewGrainId();
        var registered = await _directory.RegisterAsync(Address(grain, SiloA));

        (await _directory.UnregisterAsync(registered with { ActivationId = Guid.NewGuid() })).Should().BeFalse();
        (await _directory.UnregisterAsync(registered with { Silo = SiloB })).Should().BeFalse();

        (await _directory.LookupAsync(grain)).Should().Be(registered);
    }

    [Fact]
    public async Task Unregister_with_the_registered_address_removes_the_row_and_lets_a_successor_win()
    {
        var grain = NewGrainId();
        var registered = await _directory.RegisterAsync(Address(grain, SiloA));

        (await _directory.UnregisterAsync(registered)).Should().BeTrue();
        (await _directory.LookupAsync(grain)).Should().BeNull();
        var successor = Address(grain, SiloB);
        (await _directory.RegisterAsync(successor)).Should().Be(successor);
    }

    [Fact]
    public async Task Register_with_a_previous_address_replaces_only_a_row_equal_to_it()
    {
        var grain = NewGrainId();
        var current = await _directory.RegisterAsync(Address(grain, SiloA));
        var takeover = Address(grain, SiloB);

        var withWrongActivation = await _directory.RegisterAsync(takeover, current with { ActivationId = Guid.NewGuid() });
        var withWrongSilo = await _directory.RegisterAsync(takeover, current with { Silo = SiloC });
        withWrongActivation.Should().Be(current);
        withWrongSilo.Should().Be(current);
        (await _directory.LookupAsync(grain)).Should().Be(current);

        (await _directory.RegisterAsync(takeover, current)).Should().Be(takeover);
        (await _directory.LookupAsync(grain)).Should().Be(takeover);
    }

    [Fact]
    public async Task Register_with_a_previous_address_inserts_when_no_row_exists()
    {
        var grain = NewGrainId();
        var address = Address(grain, SiloB);

        (await _directory.RegisterAsync(address, Address(grain, SiloA))).Should().Be(address);
        (await _directory.LookupAsync(grain)).Should().Be(address);
    }

    [Fact]
    public async Task Racing_replacers_of_the_same_previous_address_agree_on_the_first_one()
    {
        var grain = NewGrainId();
        var dead = await _directory.RegisterAsync(Address(grain, SiloA));
        var replacers = Enumerable.Range(0, 20).Select(i => Address(grain, i % 2 == 0 ? SiloB : SiloC)).ToArray();

        var results = await Task.WhenAll(replacers.Select(r => Task.Run(() => _directory.RegisterAsync(r, dead))));

        results.Distinct().Should().ContainSingle();
        replacers.Should().Contain(results[0]);
        (await _directory.LookupAsync(grain)).Should().Be(results[0]);
        (await RowCountAsync(grain)).Should().Be(1);
    }

    [Fact]
    public async Task Unregistering_silos_removes_exactly_their_rows()
    {
        var onA = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => _directory.RegisterAsync(Address(NewGrainId(), SiloA))));
        var onB = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => _directory.RegisterAsync(Address(NewGrainId(), SiloB))));
        var onC = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => _directory.RegisterAsync(Address(NewGrainId(), SiloC))));
        var otherCluster = new PostgreSqlGrainDirectory(database.DataSource, "another-cluster");
        var foreignOnA = await otherCluster.RegisterAsync(Address(NewGrainId(), SiloA));

        var removed = await _directory.UnregisterSilosAsync([SiloA, SiloC]);

        removed.Should().BeGreaterThanOrEqualTo(onA.Length + onC.Length);
        foreach (var gone in onA.Concat(onC))
        {
            (await _directory.LookupAsync(gone.GrainId)).Should().BeNull();
        }

        foreach (var kept in onB)
        {
            (await _directory.LookupAsync(kept.GrainId)).Should().Be(kept);
        }

        (await otherCluster.LookupAsync(foreignOnA.GrainId)).Should().Be(foreignOnA, "another cluster's rows are not this cluster's to purge");
        (await _directory.UnregisterSilosAsync([])).Should().Be(0);
    }

    [Fact]
    public async Task Lookup_of_an_unregistered_grain_is_null()
    {
        (await _directory.LookupAsync(NewGrainId())).Should().BeNull();
    }

    [Fact]
    public async Task Cluster_ids_sharing_a_database_do_not_see_each_other()
    {
        var grain = NewGrainId();
        var blue = new PostgreSqlGrainDirectory(database.DataSource, "blue");
        var green = new PostgreSqlGrainDirectory(database.DataSource, "green");
        var inBlue = await blue.RegisterAsync(Address(grain, SiloA));

        (await green.LookupAsync(grain)).Should().BeNull();
        var inGreen = Address(grain, SiloB);
        (await green.RegisterAsync(inGreen)).Should().Be(inGreen);
        (await green.UnregisterAsync(inBlue)).Should().BeFalse();

        (await blue.LookupAsync(grain)).Should().Be(inBlue);
    }

    [Fact]
    public async Task The_membership_version_and_address_round_trip()
    {
        var grain = GrainId.Create("session", "key/with+odd chars");
        var address = new GrainAddress(grain, new SiloAddress("silo-0.silo.svc.cluster.local", 30000, -7), Guid.NewGuid(), 123_456_789_012);

        await _directory.RegisterAsync(address);

        (await _directory.LookupAsync(grain)).Should().Be(address);
    }

    private static GrainId NewGrainId() => GrainId.Create("directory-test", Guid.NewGuid().ToString("N"));

    private static GrainAddress Address(GrainId grain, SiloAddress silo) => new(grain, silo, Guid.NewGuid(), 7);

    private async Task<long> RowCountAsync(GrainId grain)
    {
        await using var command = database.DataSource.CreateCommand("SELECT count(*) FROM grain_directory WHERE grain_id = $1");
        command.Parameters.Add(new Npgsql.NpgsqlParameter<string> { TypedValue = grain.ToString() });
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
