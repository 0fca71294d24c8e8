namespace MindPeeker.Runtime.Storage.PostgreSql;

/// <summary>
/// The statements of <see cref="PostgreSqlGrainStorage"/> against the <c>grain_state</c> table of
/// <c>Migrations/0001_grain_state.sql</c>. Every statement takes the key as
/// <c>@service_id, @grain_type, @grain_key, @state_name</c>.
/// </summary>
internal static class GrainStateQueries
{
    public const string Read = """
        SELECT payload, version
        FROM grain_state
        WHERE service_id = @service_id AND grain_type = @grain_type AND grain_key = @grain_key AND state_name = @state_name
        """;

    public const string ReadVersion = """
        SELECT version
        FROM grain_state
        WHERE service_id = @service_id AND grain_type = @grain_type AND grain_key = @grain_key AND state_name = @state_name
        """;

    /// <summary>First write: creates the record at version 1, or returns no row when one exists.</summary>
    public const string Insert = """
        INSERT INTO grain_state (service_id, grain_type, grain_key, state_name, payload, version)
        VALUES (@service_id, @grain_type, @grain_key, @state_name, @payload, 1)
        ON CONFLICT (service_id, grain_type, grain_key, state_name) DO NOTHING
        RETURNING version
        """;

    /// <summary>Write or clear (<c>@payload</c> NULL) under an ETag: returns no row when the version moved on.</summary>
    public const string Update = """
        UPDATE grain_state
        SET payload = @payload, version = version + 1, modified_on = now()
        WHERE service_id = @service_id AND grain_type = @grain_type AND grain_key = @grain_key AND state_name = @state_name
          AND version = @version
        RETURNING version
        """;
}
