using MindPeeker.Grains.Abstractions.Webhooks;
using Npgsql;
using NpgsqlTypes;

namespace MindPeeker.Grains.Webhooks;

/// <summary>SQL over <c>webhook_deliveries</c> (migration 0005); every statement is scoped to one endpoint.</summary>
internal static class WebhookDeliveryTable
{
    internal const string Columns = "id, event_id, event_type, status, attempts, last_status_code, last_error, next_attempt_at, created_at";

    // One delivery's success. The status test names the other states instead of 'pending' on purpose: a plan cached
    // while the table was small (a prepared statement keeps its generic plan) would otherwise read the pending rows
    // through webhook_deliveries_pending_idx, whose predicate that test matches, and scan every pending row per call;
    // this way the primary key is the only index that applies. The CHECK constraint admits no other state.
    private const string RecordSucceededStatement =
        "UPDATE webhook_deliveries SET status = 'succeeded', attempts = $2, last_status_code = $3, last_error = NULL, next_attempt_at = NULL, "
        + "leased_until = NULL, updated_at = $4 WHERE id = $1 AND status NOT IN ('succeeded', 'failed', 'dead')";

    private const string ClaimDueStatement =
        "UPDATE webhook_deliveries d SET leased_until = $5 FROM ("
        + "SELECT id FROM webhook_deliveries WHERE endpoint_id = $1 AND status = 'pending' AND next_attempt_at <= $2 "
        + "AND (leased_until IS NULL OR leased_until <= $2) AND NOT (id = ANY($3)) "
        + "ORDER BY next_attempt_at LIMIT $4 FOR UPDATE SKIP LOCKED) c, webhook_events e "
        + "WHERE d.id = c.id AND e.id = d.event_id RETURNING d.id, d.event_id, d.event_type, d.attempts, e.body";

    /// <summary>Newest first, optionally of one status; the cursor is the last delivery of the previous page.</summary>
    public static async Task<WebhookDeliveryPage> ListAsync(NpgsqlDataSource db, Guid endpointId, int limit, Guid? startingAfter, string? status)
    {
        await using var command = db.CreateCommand(
            $"SELECT {Columns} FROM webhook_deliveries WHERE endpoint_id = $1 AND ($4::text IS NULL OR status = $4) AND ($2::uuid IS NULL OR (created_at, id) < "
            + "(SELECT c.created_at, c.id FROM webhook_deliveries c WHERE c.id = $2 AND c.endpoint_id = $1)) ORDER BY created_at DESC, id DESC LIMIT $3");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = endpointId });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)startingAfter ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit + 1 });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)status ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        await using var reader = await command.ExecuteReaderAsync();
        var items = new List<WebhookDeliveryView>(limit + 1);
        while (await reader.ReadAsync())
        {
            items.Add(new WebhookDeliveryView(
                reader.GetGuid(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetInt32(4),
                reader.IsDBNull(5) ? null : reader.GetInt32(5),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7),
                reader.GetFieldValue<DateTimeOffset>(8)));
        }

        var hasMore = items.Count > limit;
        return new WebhookDeliveryPage(hasMore ? items[..limit] : items, hasMore);
    }

    /// <summary>
    /// Claims up to <paramref name="limit"/> pending deliveries due by <paramref name="now"/> and not leased, earliest
    /// first, skipping those in flight: each is leased until <paramref name="leaseUntil"/>, so no other activation (a
    /// successor on another silo, or one that overlapped a deactivation) sends them meanwhile; an attempt whose outcome
    /// is never written (the silo died) is due again when the lease ends. The lease column is in no index, so the claim
    /// is a HOT update (migration 0015). The same round trip first records <paramref name="succeeded"/> (as
    /// <see cref="RecordSucceededAsync"/> does, stamped <paramref name="now"/>, in the same implicit transaction). Those
    /// deliveries must be in <paramref name="inFlight"/>, so the claim never reads them.
    /// </summary>
    public static async Task<List<DueDelivery>> ClaimDueAsync(
        NpgsqlDataSource db, Guid endpointId, DateTimeOffset now, DateTimeOffset leaseUntil, int limit, Guid[] inFlight,
        IReadOnlyList<SucceededAttempt> succeeded)
    {
        await using var batch = db.CreateBatch();
        var claim = new NpgsqlBatchCommand(ClaimDueStatement);
        claim.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = endpointId });
        claim.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now });
        claim.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = inFlight });
        claim.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        claim.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = leaseUntil });
        AddSucceeded(batch, succeeded, now);
        batch.BatchCommands.Add(claim);
        var due = new List<DueDelivery>(limit);
        await using var reader = await batch.ExecuteReaderAsync();
        // The successes come first and return no rows; the claim's rows are the last result.
        while (reader.FieldCount == 0 && await reader.NextResultAsync())
        {
        }

        while (await reader.ReadAsync())
        {
            due.Add(new DueDelivery(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3), reader.GetString(4)));
        }

        return due;
    }

    /// <summary>When the earliest pending delivery not in flight is due (or its lease ends, if later); null when there is none.</summary>
    public static async Task<DateTimeOffset?> NextDueAsync(NpgsqlDataSource db, Guid endpointId, Guid[] inFlight)
    {
        await using var command = db.CreateCommand(
            "SELECT min(greatest(next_attempt_at, leased_until)) FROM webhook_deliveries WHERE endpoint_id = $1 AND status = 'pending' AND NOT (id = ANY($2))");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = endpointId });
        command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = inFlight });
        return await command.ExecuteScalarAsync() is DateTime utc ? new DateTimeOffset(utc, TimeSpan.Zero) : null;
    }

    /// <summary>
    /// Records an attempt's end: <paramref name="status"/> with <paramref name="nextAttemptAt"/> (pending only), the
    /// attempt count, and the receiver's status code or the error. Only a delivery still pending is changed, so a
    /// delivery given up meanwhile stays given up.
    /// </summary>
    public static async Task RecordAttemptAsync(
        NpgsqlDataSource db, Guid deliveryId, string status, int attempts, int? statusCode, string? error, DateTimeOffset? nextAttemptAt, DateTimeOffset now)
    {
        await using var command = db.CreateCommand(
            "UPDATE webhook_deliveries SET status = $2, attempts = $3, last_status_code = $4, last_error = $5, next_attempt_at = $6, leased_until = NULL, updated_at = $7 "
            + "WHERE id = $1 AND status = 'pending'");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = deliveryId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = status });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = attempts });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)statusCode ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Integer });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)error ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)nextAttemptAt ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now });
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Records a batch of successful attempts in one round trip (the pump writes what finished since its last turn): one
    /// statement per delivery, each a primary-key lookup. Only deliveries still pending change.
    /// </summary>
    public static async Task RecordSucceededAsync(NpgsqlDataSource db, IReadOnlyList<SucceededAttempt> attempts, DateTimeOffset now)
    {
        await using var batch = db.CreateBatch();
        AddSucceeded(batch, attempts, now);
        await batch.ExecuteNonQueryAsync();
    }

    /// <summary>Moves a pending delivery's next attempt without counting one (the breaker or bulkhead refused the call).</summary>
    public static async Task PostponeAsync(NpgsqlDataSource db, Guid deliveryId, DateTimeOffset nextAttemptAt, string reason, DateTimeOffset now)
    {
        await using var command = db.CreateCommand(
            "UPDATE webhook_deliveries SET next_attempt_at = $2, leased_until = NULL, last_error = $3, updated_at = $4 WHERE id = $1 AND status = 'pending'");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = deliveryId });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = nextAttemptAt });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = reason });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now });
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Gives up every pending delivery of the endpoint (it was disabled or deleted): they become failed.</summary>
    public static async Task GiveUpPendingAsync(NpgsqlDataSource db, Guid endpointId, string reason, DateTimeOffset now)
    {
        await using var command = db.CreateCommand(
            "UPDATE webhook_deliveries SET status = 'failed', next_attempt_at = NULL, leased_until = NULL, last_error = coalesce(last_error, $2), updated_at = $3 "
            + "WHERE endpoint_id = $1 AND status = 'pending'");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = endpointId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = reason });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now });
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Starts a fresh schedule now for one delivery (<paramref name="deliveryId"/>, any status) or for every failed or
    /// dead delivery created at or after <paramref name="since"/>; the number re-armed.
    /// </summary>
    public static async Task<int> RearmAsync(NpgsqlDataSource db, Guid endpointId, Guid? deliveryId, DateTimeOffset? since, DateTimeOffset now)
    {
        await using var command = db.CreateCommand(
            "UPDATE webhook_deliveries SET status = 'pending', attempts = 0, next_attempt_at = $4, leased_until = NULL, updated_at = $4 WHERE endpoint_id = $1 AND "
            + "(($2::uuid IS NOT NULL AND id = $2) OR ($2::uuid IS NULL AND status IN ('failed', 'dead') AND created_at >= $3))");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = endpointId });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)deliveryId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)since ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now });
        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>Adds one <see cref="RecordSucceededStatement"/> per attempt to <paramref name="batch"/>.</summary>
    private static void AddSucceeded(NpgsqlBatch batch, IReadOnlyList<SucceededAttempt> attempts, DateTimeOffset now)
    {
        foreach (var attempt in attempts)
        {
            var command = new NpgsqlBatchCommand(RecordSucceededStatement);
            command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = attempt.DeliveryId });
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = attempt.Attempts });
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = attempt.StatusCode });
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now });
            batch.BatchCommands.Add(command);
        }
    }
}
