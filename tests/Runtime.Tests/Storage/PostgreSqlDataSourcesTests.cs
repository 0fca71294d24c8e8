using MindPeeker.Runtime.Storage.PostgreSql;
using MindPeeker.TestSupport;
using Npgsql;

namespace MindPeeker.Runtime.Tests.Storage;

/// <summary>The defaults every MindPeeker data source gets, seen from a real PostgreSQL session, and how a connection string overrides them.</summary>
public sealed class PostgreSqlDataSourcesTests
{
    [Fact]
    public async Task A_statement_run_twice_is_prepared_and_stays_prepared_on_the_pooled_connection()
    {
        await using var database = await PostgreSqlTestDatabase.CreateAsync();
        await using var dataSource = PostgreSqlDataSources.Create(database.ConnectionStringWith(b => b.MaxPoolSize = 1));

        for (var i = 0; i < 2; i++)
        {
            await using var connection = await dataSource.OpenConnectionAsync();
            await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_class WHERE relname = $1", connection) { Parameters = { new() { Value = "pg_type" } } };
            await command.ExecuteScalarAsync();
        }

        await using var same = await dataSource.OpenConnectionAsync();
        await using var prepared = new NpgsqlCommand("SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE '%relname = $1%'", same);
        ((long)(await prepared.ExecuteScalarAsync())!).Should().Be(1, "the second run prepared the statement, and the pool's reset keeps it");
    }

    [Fact]
    public void A_connection_string_that_names_a_setting_keeps_its_own_value()
    {
        var defaults = PostgreSqlDataSources.CreateBuilder("Host=db;Username=u").ConnectionStringBuilder;
        defaults.MaxAutoPrepare.Should().Be(PostgreSqlDataSources.DefaultMaxAutoPrepare);
        defaults.AutoPrepareMinUsages.Should().Be(PostgreSqlDataSources.DefaultAutoPrepareMinUsages);

        var named = PostgreSqlDataSources.CreateBuilder("Host=db;Username=u;Max Auto Prepare=0;Auto Prepare Min Usages=5").ConnectionStringBuilder;
        named.MaxAutoPrepare.Should().Be(0, "behind a PgBouncer in transaction mode nothing may stay prepared");
        named.AutoPrepareMinUsages.Should().Be(5);
    }
}
