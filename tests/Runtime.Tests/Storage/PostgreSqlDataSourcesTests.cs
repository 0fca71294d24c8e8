using MindPeeker.Runtime.Storage.PostgreSql;
using MindPeeker.TestSupport;
using Npgsql;

namespace MindPeeker.Runtime.Tests.Storage;

/// <summary>The defaults every MindPeeker data source gets, seen from a real PostgreSQL session, and how a connection string overrides them.</summary>
public sealed class PostgreSqlDataSourcesTests
{
    [Fact]
    public async Task A_statement_run_twice_is_prepared_and_the_connection_comes_back_from_the_pool_without_a_reset()
    {
        await using var database = await PostgreSqlTestDatabase.CreateAsync();
        await using var dataSource = PostgreSqlDataSources.Create(database.ConnectionStringWith(b => b.MaxPoolSize = 1));

        for (var i = 0; i < 2; i++)
        {
            await using var connection = await dataSource.OpenConnectionAsync();
            await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_class WHERE relname = $1", connection) { Parameters = { new() { Value = "pg_type" } } };
            await command.ExecuteScalarAsync();
            if (i == 0)
            {
                await using var set = new NpgsqlCommand("SET application_name = 'left-behind'", connection);
                await set.ExecuteNonQueryAsync();
            }
        }

        await using var same = await dataSource.OpenConnectionAsync();
        await using var prepared = new NpgsqlCommand("SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE '%relname = $1%'", same);
        ((long)(await prepared.ExecuteScalarAsync())!).Should().Be(1, "the second run prepared the statement on the pooled connection");
        await using var name = new NpgsqlCommand("SHOW application_name", same);
        (await name.ExecuteScalarAsync()).Should().Be("left-behind", "the pooled connection was handed back without RESET ALL: session state survives, which is why MindPeeker keeps none");
    }

    [Fact]
    public void A_connection_string_that_names_a_setting_keeps_its_own_value()
    {
        var defaults = PostgreSqlDataSources.CreateBuilder("Host=db;Username=u").ConnectionStringBuilder;
        defaults.MaxAutoPrepare.Should().Be(PostgreSqlDataSources.DefaultMaxAutoPrepare);
        defaults.AutoPrepareMinUsages.Should().Be(PostgreSqlDataSources.DefaultAutoPrepareMinUsages);
        defaults.NoResetOnClose.Should().BeTrue();

        var named = PostgreSqlDataSources.CreateBuilder("Host=db;Username=u;Max Auto Prepare=0;Auto Prepare Min Usages=5;No Reset On Close=false").ConnectionStringBuilder;
        named.MaxAutoPrepare.Should().Be(0, "behind a PgBouncer in transaction mode nothing may stay prepared");
        named.AutoPrepareMinUsages.Should().Be(5);
        named.NoResetOnClose.Should().BeFalse();
    }
}
