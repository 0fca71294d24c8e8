using MindPeeker.Grains.Abstractions.Resilience;
using MindPeeker.Grains.Resilience.Controller;
using Npgsql;

namespace MindPeeker.Grains.Resilience;

/// <summary>The <c>circuit_breakers</c> table (migration 0006): the registry of breakers and their durable state.</summary>
internal sealed class CircuitBreakerTable(NpgsqlDataSource db)
{
    private const string Columns = "state, version, opened_at, blocked_until, updated_at";

    /// <summary>Adds <paramref name="dependency"/> to the registry if new; returns its stored state (fresh rows are closed).</summary>
    public async Task<PersistedCircuit> RegisterAsync(string dependency, DateTimeOffset now)
    {
        // The no-op update makes RETURNING give the existing row when there is one: one round trip either way.
        await using var command = db.CreateCommand(
            "INSERT INTO circuit_breakers (dependency, created_at, updated_at) VALUES ($1, $2, $2) "
            + "ON CONFLICT (dependency) DO UPDATE SET dependency = EXCLUDED.dependency RETURNING " + Columns);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = dependency });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now });
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new PersistedCircuit(
            CircuitStateNames.Parse(reader.GetString(0)),
            reader.GetInt64(1),
            reader.IsDBNull(2) ? null : reader.GetFieldValue<DateTimeOffset>(2),
            reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3),
            reader.GetFieldValue<DateTimeOffset>(4));
    }

    /// <summary>Stores a state change; an older version never overwrites a newer one.</summary>
    public async Task SaveAsync(string dependency, PersistedCircuit circuit)
    {
        await using var command = db.CreateCommand(
            "UPDATE circuit_breakers SET state = $2, version = $3, opened_at = $4, blocked_until = $5, updated_at = $6 "
            + "WHERE dependency = $1 AND version < $3");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = dependency });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = CircuitStateNames.Of(circuit.State) });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = circuit.Version });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset?> { TypedValue = circuit.OpenedAt });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset?> { TypedValue = circuit.BlockedUntil });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = circuit.UpdatedAt });
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Up to <paramref name="count"/> dependency names, newest first, after <paramref name="startingAfter"/>.</summary>
    public async Task<IReadOnlyList<string>> ListAsync(int count, string? startingAfter)
    {
        await using var command = db.CreateCommand(startingAfter is null
            ? "SELECT dependency FROM circuit_breakers ORDER BY created_at DESC, dependency DESC LIMIT $1"
            : "SELECT b.dependency FROM circuit_breakers b, circuit_breakers c WHERE c.dependency = $2 "
              + "AND (b.created_at, b.dependency) < (c.created_at, c.dependency) ORDER BY b.created_at DESC, b.dependency DESC LIMIT $1");
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = count });
        if (startingAfter is not null)
        {
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = startingAfter });
        }

        var names = new List<string>(count);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    public async Task<bool> ContainsAsync(string dependency)
    {
        await using var command = db.CreateCommand("SELECT EXISTS (SELECT 1 FROM circuit_breakers WHERE dependency = $1)");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = dependency });
        return (bool)(await command.ExecuteScalarAsync())!;
    }
}
