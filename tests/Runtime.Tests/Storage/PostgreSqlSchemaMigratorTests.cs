using MindPeeker.Runtime.Storage.PostgreSql;
using MindPeeker.TestSupport;

namespace MindPeeker.Runtime.Tests.Storage;

/// <summary>Each test migrates a database of its own, so "fresh" means fresh.</summary>
public sealed class PostgreSqlSchemaMigratorTests
{
    private const string Secret = "Sup3r-Secret-Pa55word";

    [Fact]
    public void Grain_storage_migrations_load_from_the_embedded_sql_files()
    {
        var migrations = PostgreSqlGrainStorage.Migrations;

        migrations.Component.Should().Be(PostgreSqlGrainStorage.MigrationComponent);
        migrations.Migrations.Should().ContainSingle(m => m.Version == 1 && m.Name == "grain_state");
        migrations.Migrations[0].Sql.Should().Contain("CREATE TABLE grain_state");
        migrations.Migrations[0].Checksum.Should().MatchRegex("^[0-9a-f]{64}$");
    }

    [Fact]
    public void Checksums_ignore_line_endings_but_not_content()
    {
        var unix = new SchemaMigration("test", 1, "t", "CREATE TABLE t (x int);\nSELECT 1;\n");
        var windows = new SchemaMigration("test", 1, "t", "CREATE TABLE t (x int);\r\nSELECT 1;\r\n");
        var edited = new SchemaMigration("test", 1, "t", "CREATE TABLE t (x bigint);\nSELECT 1;\n");

        windows.Checksum.Should().Be(unix.Checksum);
        edited.Checksum.Should().NotBe(unix.Checksum);
    }

    [Fact]
    public async Task Running_the_migrator_twice_applies_each_migration_once()
    {
        await using var database = await PostgreSqlTestDatabase.CreateAsync();
        var migrator = new PostgreSqlSchemaMigrator(database.DataSource, [PostgreSqlGrainStorage.Migrations, CounterMigrations()]);

        var firstRun = await migrator.MigrateAsync();
        var secondRun = await migrator.MigrateAsync();

        firstRun.Should().Be(3);
        secondRun.Should().Be(0);
        (await ScalarAsync<long>(database, "SELECT count(*) FROM schema_migrations")).Should().Be(3);
        (await ScalarAsync<long>(database, "SELECT count(*) FROM applied_steps")).Should().Be(1, "the second migration inserts one row");
        (await ScalarAsync<string>(database, "SELECT to_regclass('grain_state')::text")).Should().Be("grain_state");
    }

    [Fact]
    public async Task Concurrent_migrators_on_a_fresh_database_all_succeed_and_apply_once()
    {
        await using var database = await PostgreSqlTestDatabase.CreateAsync();
        var pools = Enumerable.Range(0, 8).Select(_ => PostgreSqlDataSources.Create(database.ConnectionString)).ToArray();
        try
        {
            var runs = pools.Select(pool => Task.Run(() =>
                new PostgreSqlSchemaMigrator(pool, [PostgreSqlGrainStorage.Migrations, CounterMigrations()]).MigrateAsync()));

            var applied = await Task.WhenAll(runs);

            applied.Sum().Should().Be(3, "every migration is applied by exactly one migrator");
            (await ScalarAsync<long>(database, "SELECT count(*) FROM schema_migrations")).Should().Be(3);
            (await ScalarAsync<long>(database, "SELECT count(*) FROM applied_steps")).Should().Be(1);
        }
        finally
        {
            foreach (var pool in pools)
            {
                await pool.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task A_new_migration_in_a_later_build_is_applied_alone()
    {
        await using var database = await PostgreSqlTestDatabase.CreateAsync();
        var v1 = new SchemaMigration("counter", 1, "create", "CREATE TABLE applied_steps (step int NOT NULL);");
        var v2 = new SchemaMigration("counter", 2, "insert", "INSERT INTO applied_steps VALUES (2);");
        await new PostgreSqlSchemaMigrator(database.DataSource, [new SchemaMigrationSet("counter", [v1])]).MigrateAsync();

        var applied = await new PostgreSqlSchemaMigrator(database.DataSource, [new SchemaMigrationSet("counter", [v1, v2])]).MigrateAsync();

        applied.Should().Be(1);
        (await ScalarAsync<string>(database, "SELECT string_agg(name, ',' ORDER BY version) FROM schema_migrations")).Should().Be("create,insert");
    }

    [Fact]
    public async Task An_edited_applied_migration_fails_naming_the_migration_and_the_checksums()
    {
        await using var database = await PostgreSqlTestDatabase.CreateAsync();
        var original = new SchemaMigration("counter", 1, "create", "CREATE TABLE applied_steps (step int NOT NULL);");
        var edited = new SchemaMigration("counter", 1, "create", "CREATE TABLE applied_steps (step bigint NOT NULL);");
        await new PostgreSqlSchemaMigrator(database.DataSource, [new SchemaMigrationSet("counter", [original])]).MigrateAsync();

        var migrate = () => new PostgreSqlSchemaMigrator(database.DataSource, [new SchemaMigrationSet("counter", [edited])]).MigrateAsync();

        var thrown = await migrate.Should().ThrowAsync<SchemaMigrationException>();
        thrown.Which.Message.Should().Contain("counter 0001_create")
            .And.Contain(original.Checksum)
            .And.Contain(edited.Checksum)
            .And.Contain("must not be edited");
    }

    [Fact]
    public async Task A_failing_migration_is_rolled_back_and_not_recorded()
    {
        await using var database = await PostgreSqlTestDatabase.CreateAsync();
        var broken = new SchemaMigration("broken", 1, "half", "CREATE TABLE half_done (x int); SELECT * FROM no_such_table;");

        var migrate = () => new PostgreSqlSchemaMigrator(database.DataSource, [new SchemaMigrationSet("broken", [broken])]).MigrateAsync();

        (await migrate.Should().ThrowAsync<SchemaMigrationException>()).Which.Message
            .Should().Contain("broken 0001_half").And.Contain("no_such_table");
        (await ScalarAsync<string?>(database, "SELECT to_regclass('half_done')::text")).Should().BeNull();
        (await ScalarAsync<long>(database, "SELECT count(*) FROM schema_migrations")).Should().Be(0);
    }

    [Fact]
    public async Task An_unreachable_server_fails_naming_host_port_and_database_but_not_the_password()
    {
        var connectionString = $"Host=127.0.0.1;Port=1;Database=orders_db;Username=silo;Password={Secret};Timeout=5";
        await using var dataSource = PostgreSqlDataSources.Create(connectionString);

        var migrate = () => new PostgreSqlSchemaMigrator(dataSource, [PostgreSqlGrainStorage.Migrations]).MigrateAsync();

        var thrown = await migrate.Should().ThrowAsync<SchemaMigrationException>();
        thrown.Which.Message.Should().Contain("host '127.0.0.1'").And.Contain("port 1,").And.Contain("database 'orders_db'");
        thrown.Which.ToString().Should().NotContain(Secret);
    }

    [Fact]
    public async Task A_rejected_login_fails_naming_the_server_but_not_the_password()
    {
        await using var database = await PostgreSqlTestDatabase.CreateAsync();
        var connectionString = database.ConnectionStringWith(b =>
        {
            b.Username = "no_such_role";
            b.Password = Secret;
        });
        await using var dataSource = PostgreSqlDataSources.Create(connectionString);

        var migrate = () => new PostgreSqlSchemaMigrator(dataSource, [PostgreSqlGrainStorage.Migrations]).MigrateAsync();

        var thrown = await migrate.Should().ThrowAsync<SchemaMigrationException>();
        thrown.Which.Message.Should().Contain($"database '{database.Name}'").And.Contain("no_such_role");
        thrown.Which.ToString().Should().NotContain(Secret);
    }

    private static SchemaMigrationSet CounterMigrations() => new("counter",
    [
        new SchemaMigration("counter", 1, "create", "CREATE TABLE applied_steps (step int NOT NULL);"),
        new SchemaMigration("counter", 2, "insert", "INSERT INTO applied_steps VALUES (2);"),
    ]);

    private static async Task<T> ScalarAsync<T>(PostgreSqlTestDatabase database, string sql)
    {
        await using var command = database.DataSource.CreateCommand(sql);
        var value = await command.ExecuteScalarAsync();
        return value is DBNull ? default! : (T)value!;
    }
}
