using MindPeeker.Runtime.Cluster;
using MindPeeker.Runtime.Cluster.Membership;
using MindPeeker.Runtime.Storage.PostgreSql;
using MindPeeker.TestSupport;

namespace MindPeeker.Runtime.Tests.Cluster.Membership;

public sealed class PostgreSqlMembershipTableTests(PostgreSqlTestDatabase database)
    : MembershipTableContractTests, IClassFixture<PostgreSqlTestDatabase>, IAsyncLifetime
{
    public async Task InitializeAsync() => await new PostgreSqlSchemaMigrator(database.DataSource, [ClusterSchema.Migrations]).MigrateAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    protected override IMembershipTable CreateTable(string clusterId) => new PostgreSqlMembershipTable(database.DataSource, clusterId);

    [Fact]
    public void Cluster_migrations_load_every_sql_file_of_the_cluster_folder_starting_with_membership()
    {
        var migrations = ClusterSchema.Migrations;

        migrations.Component.Should().Be("cluster");
        migrations.Migrations[0].Should().Match<SchemaMigration>(m => m.Version == 1 && m.Name == "membership");
        migrations.Migrations.Select(m => m.Version).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task The_version_row_is_created_once_even_when_the_first_joins_race()
    {
        var clusterId = $"race-{Guid.NewGuid():N}";
        var tables = Enumerable.Range(0, 8).Select(_ => CreateTable(clusterId)).ToArray();

        var results = await Task.WhenAll(tables.Select((t, i) => Task.Run(() => t.InsertRowAsync(Entry(i + 1), 0))));

        results.Count(won => won).Should().Be(1);
        await using var command = database.DataSource.CreateCommand("SELECT count(*) FROM cluster_membership_version WHERE cluster_id = $1");
        command.Parameters.Add(new Npgsql.NpgsqlParameter<string> { TypedValue = clusterId });
        (await command.ExecuteScalarAsync()).Should().Be(1L);
    }
}
