using MindPeeker.Runtime.Storage.PostgreSql;
using Npgsql;
using Xunit;

namespace MindPeeker.TestSupport;

/// <summary>
/// A fresh, uniquely named PostgreSQL database on the server named by <c>MINDPEEKER_TEST_POSTGRES</c>,
/// dropped on dispose. Use it as an xunit class fixture, or create extra ones with <see cref="CreateAsync"/>.
/// Without the variable it fails (never skips), telling the reader to run <c>./scripts/test</c>.
/// </summary>
public sealed class PostgreSqlTestDatabase : IAsyncLifetime, IAsyncDisposable
{
    public const string ServerVariable = "MINDPEEKER_TEST_POSTGRES";

    private string? _connectionString;
    private NpgsqlDataSource? _dataSource;

    /// <summary>The test database's name, <c>mp_test_</c> plus a GUID.</summary>
    public string Name { get; } = $"mp_test_{Guid.NewGuid():N}";

    /// <summary>A connection string to this database (the server's, with Database replaced).</summary>
    public string ConnectionString => _connectionString ?? throw new InvalidOperationException("The test database is not created yet.");

    /// <summary>A data source to this database, owned by the fixture.</summary>
    public NpgsqlDataSource DataSource => _dataSource ??= PostgreSqlDataSources.Create(ConnectionString);

    public static async Task<PostgreSqlTestDatabase> CreateAsync()
    {
        var database = new PostgreSqlTestDatabase();
        await database.InitializeAsync();
        return database;
    }

    public async Task InitializeAsync()
    {
        var server = Environment.GetEnvironmentVariable(ServerVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException(
                $"{ServerVariable} is not set. These tests need a real PostgreSQL: run ./scripts/test, which starts a "
                + $"throwaway PostgreSQL and sets {ServerVariable} (e.g. Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres).");
        }

        await using (var admin = await OpenServerAsync(server))
        await using (var create = new NpgsqlCommand($"CREATE DATABASE \"{Name}\"", admin))
        {
            await create.ExecuteNonQueryAsync();
        }

        _connectionString = new NpgsqlConnectionStringBuilder(server) { Database = Name }.ConnectionString;
    }

    /// <summary>A connection string to this database with other settings changed, for example a wrong password.</summary>
    public string ConnectionStringWith(Action<NpgsqlConnectionStringBuilder> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
        change(builder);
        return builder.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
        }

        if (_connectionString is null)
        {
            return;
        }

        // FORCE ends connections that other data sources of the test still pool.
        await using var admin = await OpenServerAsync(Environment.GetEnvironmentVariable(ServerVariable)!);
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    private static async Task<NpgsqlConnection> OpenServerAsync(string connectionString)
    {
        // Unpooled: a pooled admin connection would outlive the test run for nothing.
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}
