using MindPeeker.TestSupport;

namespace MindPeeker.Grains.Tests.Webhooks;

/// <summary>One delivery row as an operator reads it with psql.</summary>
internal sealed record DeliveryRow(Guid Id, string Status, int Attempts, int? LastStatusCode, DateTimeOffset? NextAttemptAt, DateTimeOffset UpdatedAt);

/// <summary>What the tests read from the webhook tables directly.</summary>
internal static class WebhookDatabase
{
    public static async Task<DeliveryRow> DeliveryAsync(this PostgreSqlTestDatabase database, string eventId)
    {
        await using var command = database.DataSource.CreateCommand(
            "SELECT id, status, attempts, last_status_code, next_attempt_at, updated_at FROM webhook_deliveries WHERE event_id = $1");
        command.Parameters.AddWithValue(eventId);
        await using var reader = await command.ExecuteReaderAsync();
        (await reader.ReadAsync()).Should().BeTrue($"event {eventId} has a delivery");
        return new DeliveryRow(
            reader.GetGuid(0),
            reader.GetString(1),
            reader.GetInt32(2),
            reader.IsDBNull(3) ? null : reader.GetInt32(3),
            reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4),
            reader.GetFieldValue<DateTimeOffset>(5));
    }

    public static async Task<long> AuditCountAsync(this PostgreSqlTestDatabase database, string action, Guid endpointId)
    {
        await using var command = database.DataSource.CreateCommand("SELECT count(*) FROM audit_log WHERE action = $1 AND resource_id = $2");
        command.Parameters.AddWithValue(action);
        command.Parameters.AddWithValue(endpointId.ToString());
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
