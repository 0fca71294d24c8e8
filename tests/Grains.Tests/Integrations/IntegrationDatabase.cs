using MindPeeker.TestSupport;

namespace MindPeeker.Grains.Tests.Integrations;

/// <summary>What the tests read from MindPeeker's tables directly, as an operator with psql would.</summary>
internal static class IntegrationDatabase
{
    /// <summary>Every column of the integration's row as text (bytea as hex), its logs and its audit rows.</summary>
    public static async Task<string> EverythingStoredAboutAsync(this PostgreSqlTestDatabase database, Guid id)
    {
        await using var command = database.DataSource.CreateCommand("""
            SELECT coalesce((SELECT i::text FROM integrations i WHERE i.id = @id), '')
                || coalesce((SELECT string_agg(l::text, ' ') FROM integration_logs l WHERE l.integration_id = @id), '')
                || coalesce((SELECT string_agg(a::text, ' ') FROM audit_log a WHERE a.resource_id = @text_id), '')
            """);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("text_id", id.ToString());
        return (string)(await command.ExecuteScalarAsync())!;
    }

    public static async Task<(byte[]? Credentials, int? KeyVersion)> CredentialsAsync(this PostgreSqlTestDatabase database, Guid id)
    {
        await using var command = database.DataSource.CreateCommand("SELECT credentials, credentials_key_version FROM integrations WHERE id = @id");
        command.Parameters.AddWithValue("id", id);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.IsDBNull(0) ? null : reader.GetFieldValue<byte[]>(0), reader.IsDBNull(1) ? null : reader.GetInt32(1));
    }

    public static async Task<List<string>> AuditActionsAsync(this PostgreSqlTestDatabase database, Guid id)
    {
        await using var command = database.DataSource.CreateCommand("SELECT action FROM audit_log WHERE resource_id = @id ORDER BY id");
        command.Parameters.AddWithValue("id", id.ToString());
        await using var reader = await command.ExecuteReaderAsync();
        var actions = new List<string>();
        while (await reader.ReadAsync())
        {
            actions.Add(reader.GetString(0));
        }

        return actions;
    }

    public static async Task<long> CountAsync(this PostgreSqlTestDatabase database, string sql, Guid id)
    {
        await using var command = database.DataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("text_id", id.ToString("N"));
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
