using Npgsql;

namespace MindPeeker.Benchmarks.Hosting;

/// <summary>
/// A fresh database for one benchmark run on the server named by <c>MINDPEEKER_BENCH_POSTGRES</c>
/// (an Npgsql connection string to its <c>postgres</c> database), dropped on dispose.
/// </summary>
internal sealed class BenchmarkDatabase : IAsyncDisposable
{
    public const string ServerVariable = "MINDPEEKER_BENCH_POSTGRES";

    private readonly string _server;
    private readonly string _name = $"mp_bench_{Guid.NewGuid():N}";

    private BenchmarkDatabase(string server)
    {
        _server = server;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = _name }.ConnectionString;
    }

    public string ConnectionString { get; }

    public static async Task<BenchmarkDatabase> CreateAsync()
    {
        var server = Environment.GetEnvironmentVariable(ServerVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException(
                $"{ServerVariable} is not set: point it at a PostgreSQL server, e.g. Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres.");
        }

        var database = new BenchmarkDatabase(server);
        await database.ExecuteOnServerAsync($"CREATE DATABASE \"{database._name}\"");
        return database;
    }

    public async ValueTask DisposeAsync() => await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)");

    private async Task ExecuteOnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_server) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
