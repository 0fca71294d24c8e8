using System.Data;
using System.Globalization;
using Npgsql;
using NpgsqlTypes;

namespace MindPeeker.Runtime.Storage.PostgreSql;

/// <summary>
/// Grain storage in the PostgreSQL table <c>grain_state</c> (created by <see cref="Migrations"/>),
/// with exactly the semantics of <see cref="Memory.MemoryGrainStorage"/>: the ETag is the row's
/// integer version as text, a clear keeps the row with a NULL payload and a bumped version, and
/// every write or clear is a compare-and-swap on the version. State is stored as <c>jsonb</c> via
/// <see cref="GrainStateJson"/>. Thread-safe; does not own <paramref name="dataSource"/>.
/// </summary>
public sealed class PostgreSqlGrainStorage(NpgsqlDataSource dataSource, string serviceId) : IGrainStorage
{
    /// <summary>The component name of <see cref="Migrations"/> in <c>schema_migrations</c>.</summary>
    public const string MigrationComponent = "grain-storage";

    private readonly NpgsqlDataSource _dataSource = dataSource ?? throw new ArgumentNullException(nameof(dataSource));
    private readonly string _serviceId = !string.IsNullOrWhiteSpace(serviceId)
        ? serviceId
        : throw new ArgumentException("A service id is required.", nameof(serviceId));

    /// <summary>The schema this store needs; run it with <see cref="PostgreSqlSchemaMigrator"/> before use.</summary>
    public static SchemaMigrationSet Migrations { get; } = SchemaMigrationSet.FromEmbeddedResources(
        MigrationComponent, typeof(PostgreSqlGrainStorage).Assembly, "MindPeeker.Runtime.Storage.PostgreSql.Migrations.");

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        await using var command = CreateCommand(GrainStateQueries.Read, stateName, grainId);
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SingleRow);
        byte[]? payload = null;
        int? version = null;
        if (await reader.ReadAsync())
        {
            payload = await reader.IsDBNullAsync(0) ? null : await reader.GetFieldValueAsync<byte[]>(0);
            version = reader.GetInt32(1);
        }

        grainState.ETag = version is { } v ? FormatEtag(v) : null;
        grainState.RecordExists = payload is not null;
        grainState.State = payload is not null ? GrainStateJson.Deserialize<T>(payload) : GrainStateFactory<T>.Create();
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var payload = GrainStateJson.Serialize(grainState.State);
        var version = await ReplaceAsync(stateName, grainId, grainState.ETag, payload, "write");
        grainState.ETag = FormatEtag(version);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        if (grainState.ETag is null)
        {
            // Clearing what was never written is a no-op, unless someone else has written since.
            if (await ReadVersionAsync(stateName, grainId) is { } stored)
            {
                throw Stale("clear", stateName, grainId, FormatEtag(stored), etag: null);
            }
        }
        else
        {
            grainState.ETag = FormatEtag(await ReplaceAsync(stateName, grainId, grainState.ETag, payload: null, "clear"));
        }

        grainState.RecordExists = false;
        grainState.State = GrainStateFactory<T>.Create();
    }

    private async Task<int> ReplaceAsync(string stateName, GrainId grainId, string? etag, byte[]? payload, string operation)
    {
        int? expected = null;
        if (etag is not null)
        {
            expected = TryParseEtag(etag, out var parsed) ? parsed : throw await StaleAsync(operation, stateName, grainId, etag);
        }

        await using var command = CreateCommand(expected is null ? GrainStateQueries.Insert : GrainStateQueries.Update, stateName, grainId);
        command.Parameters.Add(new NpgsqlParameter("payload", NpgsqlDbType.Jsonb) { Value = (object?)payload ?? DBNull.Value });
        if (expected is { } version)
        {
            command.Parameters.Add(new NpgsqlParameter<int>("version", version));
        }

        return await command.ExecuteScalarAsync() is int stored
            ? stored
            : throw await StaleAsync(operation, stateName, grainId, etag);
    }

    private async Task<int?> ReadVersionAsync(string stateName, GrainId grainId)
    {
        await using var command = CreateCommand(GrainStateQueries.ReadVersion, stateName, grainId);
        return await command.ExecuteScalarAsync() is int version ? version : null;
    }

    private async Task<InconsistentStateException> StaleAsync(string operation, string stateName, GrainId grainId, string? etag)
    {
        var stored = await ReadVersionAsync(stateName, grainId);
        return Stale(operation, stateName, grainId, stored is { } v ? FormatEtag(v) : null, etag);
    }

    private static InconsistentStateException Stale(string operation, string stateName, GrainId grainId, string? stored, string? etag) =>
        new($"Stale {operation} of state '{stateName}' for grain {grainId}.", stored, etag);

    private NpgsqlCommand CreateCommand(string sql, string stateName, GrainId grainId)
    {
        ArgumentException.ThrowIfNullOrEmpty(stateName);
        if (grainId.IsDefault)
        {
            throw new ArgumentException("The grain id is required.", nameof(grainId));
        }

        var command = _dataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<string>("service_id", _serviceId));
        command.Parameters.Add(new NpgsqlParameter<string>("grain_type", grainId.Type));
        command.Parameters.Add(new NpgsqlParameter<string>("grain_key", grainId.Key));
        command.Parameters.Add(new NpgsqlParameter<string>("state_name", stateName));
        return command;
    }

    // Only the exact text this store hands out counts, as in the memory store ("01" is not "1").
    private static bool TryParseEtag(string etag, out int version) =>
        int.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out version)
        && string.Equals(FormatEtag(version), etag, StringComparison.Ordinal);

    private static string FormatEtag(int version) => version.ToString(CultureInfo.InvariantCulture);
}
