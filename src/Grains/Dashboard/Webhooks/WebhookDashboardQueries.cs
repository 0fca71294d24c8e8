using MindPeeker.Grains.Abstractions.Dashboard;
using Npgsql;

namespace MindPeeker.Grains.Dashboard.Webhooks;

/// <summary>
/// The dashboard's reads of the webhook outbox (migrations 0005, 0014): each an index range or a small aggregate, run
/// at most once per <see cref="DashboardDataOptions.DatabaseStatsMaxAge"/> per silo.
/// </summary>
internal static class WebhookDashboardQueries
{
    private static readonly TimeSpan ShortWindow = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan LongWindow = TimeSpan.FromHours(1);

    public static async Task<WebhookDeliveryStats> ReadAsync(NpgsqlDataSource db, DateTimeOffset now, int deadLimit, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand(
                    "SELECT count(*) FILTER (WHERE status = 'succeeded' AND updated_at >= $1), count(*) FILTER (WHERE status = 'failed' AND updated_at >= $1), "
                    + "count(*) FILTER (WHERE status = 'dead' AND updated_at >= $1), count(*) FILTER (WHERE status = 'succeeded'), "
                    + "count(*) FILTER (WHERE status = 'failed'), count(*) FILTER (WHERE status = 'dead') "
                    + "FROM webhook_deliveries WHERE updated_at >= $2 AND updated_at <= $3 AND status <> 'pending'")
                {
                    Parameters = { new NpgsqlParameter { Value = now - ShortWindow }, new NpgsqlParameter { Value = now - LongWindow }, new NpgsqlParameter { Value = now } },
                },
                new NpgsqlBatchCommand("SELECT count(*), count(*) FILTER (WHERE attempts > 0) FROM webhook_deliveries WHERE status = 'pending'"),
                new NpgsqlBatchCommand("SELECT count(*) FROM webhook_deliveries WHERE status = 'dead'"),
                new NpgsqlBatchCommand(
                    "SELECT d.id, d.endpoint_id, e.user_id, d.event_id, d.event_type, d.attempts, d.last_status_code, d.last_error, d.created_at, d.updated_at "
                    + "FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id WHERE d.status = 'dead' ORDER BY d.updated_at DESC, d.id DESC LIMIT $1")
                {
                    Parameters = { new NpgsqlParameter { Value = deadLimit } },
                },
                new NpgsqlBatchCommand(
                    "SELECT count(*) FILTER (WHERE status = 'enabled'), count(*) FILTER (WHERE status = 'disabled'), "
                    + "count(*) FILTER (WHERE status = 'enabled' AND failing_since IS NOT NULL) FROM webhook_endpoints WHERE deleted_at IS NULL"),
            },
        };
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);

        await reader.ReadAsync(cancellationToken);
        var last5 = new WebhookOutcomeCounts(ShortWindow.TotalSeconds, reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
        var lastHour = new WebhookOutcomeCounts(LongWindow.TotalSeconds, reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5));

        await reader.NextResultAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var (pending, retrying) = (reader.GetInt64(0), reader.GetInt64(1));

        await reader.NextResultAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var deadTotal = reader.GetInt64(0);

        await reader.NextResultAsync(cancellationToken);
        var dead = new List<DeadWebhookDelivery>(deadLimit);
        while (await reader.ReadAsync(cancellationToken))
        {
            dead.Add(new DeadWebhookDelivery(
                reader.GetGuid(0),
                reader.GetGuid(1),
                reader.GetGuid(2),
                reader.GetString(3),
                reader.GetString(4),
                reader.GetInt32(5),
                reader.IsDBNull(6) ? null : reader.GetInt32(6),
                reader.IsDBNull(7) ? null : reader.GetString(7),
                reader.GetFieldValue<DateTimeOffset>(8),
                reader.GetFieldValue<DateTimeOffset>(9)));
        }

        await reader.NextResultAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new WebhookDeliveryStats(now, last5, lastHour, pending, retrying, deadTotal, dead, reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }
}
