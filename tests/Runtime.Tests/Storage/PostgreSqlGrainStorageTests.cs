using MindPeeker.Runtime.Storage;
using MindPeeker.Runtime.Storage.PostgreSql;
using MindPeeker.TestSupport;
using Npgsql;

namespace MindPeeker.Runtime.Tests.Storage;

public sealed class PostgreSqlGrainStorageTests(PostgreSqlTestDatabase database)
    : GrainStorageContractTests, IClassFixture<PostgreSqlTestDatabase>, IAsyncLifetime
{
    protected override IGrainStorage Storage { get; } = new PostgreSqlGrainStorage(database.DataSource, "contract-tests");

    public async Task InitializeAsync() => await new PostgreSqlSchemaMigrator(database.DataSource, [PostgreSqlGrainStorage.Migrations]).MigrateAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task State_survives_a_new_store_on_a_new_connection_pool()
    {
        var grain = NewGrainId();
        await Storage.WriteStateAsync("cart", grain, new GrainState<CartState>(new CartState { Owner = "durable" }));

        await using var otherPool = PostgreSqlDataSources.Create(database.ConnectionString);
        var read = new GrainState<CartState>();
        await new PostgreSqlGrainStorage(otherPool, "contract-tests").ReadStateAsync("cart", grain, read);

        read.State.Owner.Should().Be("durable");
        read.ETag.Should().Be("1");
    }

    [Fact]
    public async Task Different_service_ids_sharing_a_database_are_independent()
    {
        var grain = NewGrainId();
        var blue = new PostgreSqlGrainStorage(database.DataSource, "blue");
        var green = new PostgreSqlGrainStorage(database.DataSource, "green");
        await blue.WriteStateAsync("cart", grain, new GrainState<CartState>(new CartState { Owner = "blue" }));

        var read = new GrainState<CartState>();
        await green.ReadStateAsync("cart", grain, read);
        read.RecordExists.Should().BeFalse();
        await green.WriteStateAsync("cart", grain, new GrainState<CartState>(new CartState { Owner = "green" }));
        await blue.ReadStateAsync("cart", grain, read);

        read.State.Owner.Should().Be("blue");
    }

    [Fact]
    public async Task State_is_stored_as_queryable_jsonb()
    {
        var grain = NewGrainId();
        await Storage.WriteStateAsync("cart", grain, new GrainState<CartState>(new CartState { Owner = "ada" }));

        await using var command = database.DataSource.CreateCommand(
            "SELECT payload ->> 'owner' FROM grain_state WHERE grain_type = $1 AND grain_key = $2 AND state_name = 'cart'");
        command.Parameters.Add(new NpgsqlParameter<string>() { TypedValue = grain.Type });
        command.Parameters.Add(new NpgsqlParameter<string>() { TypedValue = grain.Key });

        (await command.ExecuteScalarAsync()).Should().Be("ada");
    }
}
