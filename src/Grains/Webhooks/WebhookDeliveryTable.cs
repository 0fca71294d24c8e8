using MindPeeker.Grains.Abstractions.Webhooks;
using Npgsql;
using NpgsqlTypes;

namespace MindPeeker.Grains.Webhooks;

/// <summary>SQL over <c>webhook_deliveries</c> (migration 0005); every statement is scoped to one endpoint.</summary>
internal static class WebhookDeliveryTable
{
    internal const string Columns = "id, event_id, event_type, status, attempts, last_status_code, last_error, next_attempt_at, created_at";

    /// <summary>The success batch on its own: now, ids, attempt counts, status codes, their number.</summary>
    internal static readonly string RecordSucceededOnly = RecordSucceeded(now: "$1", ids: "$2", attempts: "$3", codes: "$4", count: "$5");

    /// <summary>The success batch and the next claim: endpoint, now, in flight, limit, lease end, then the batch as above.</summary>
    internal static readonly string RecordSucceededAndClaimDue =
        "WITH recorded AS (" + RecordSucceeded(now: "$2", ids: "$6", attempts: "$7", codes: "$8", count: "$9") + ") "
        + "UPDATE webhook_deliveries d SET leased_until = $5 FROM ("
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
    /// is a HOT update (migration 0015). The same statement first records <paramref name="succeeded"/> (as
    /// <see cref="RecordSucceededAsync"/> does, stamped <paramref name="now"/>): the pump's write and its next claim are
    /// one round trip. Those deliveries must be in <paramref name="inFlight"/>, so the claim never reads them.
    /// </summary>
    public static async Task<List<DueDelivery>> ClaimDueAsync(
        NpgsqlDataSource db, Guid endpointId, DateTimeOffset now, DateTimeOffset leaseUntil, int limit, Guid[] inFlight,
        IReadOnlyList<SucceededAttempt> succeeded)
    {
        await using var command = db.CreateCommand(RecordSucceededAndClaimDue);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = endpointId });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now });
        command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = inFlight });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = leaseUntil });
        AddSucceeded(command.Parameters, succeeded);
        await using var reader = await command.ExecuteReaderAsync();
        var due = new List<DueDelivery>(limit);
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
    /// Records a batch of successful attempts in one statement (the pump writes what finished since its last turn).
    /// Only deliveries still pending change.
    /// </summary>
    public static async Task RecordSucceededAsync(NpgsqlDataSource db, IReadOnlyList<SucceededAttempt> attempts, DateTimeOffset now)
    {
        await using var command = db.CreateCommand(RecordSucceededOnly);
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now });
        AddSucceeded(command.Parameters, attempts);
        await command.ExecuteNonQueryAsync();
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

    /// <summary>
    /// The update that marks succeeded attempts, with the given parameter names; only deliveries still pending change.
    /// Written so that each delivery is found by its primary key whatever plan PostgreSQL caches for it: a prepared
    /// statement keeps the generic plan made while the table was small (a fresh database), and a join with the ids
    /// was then planned as a hash join over every pending row (through <c>webhook_deliveries_pending_idx</c>) or over
    /// the whole table, once per batch. The <c>LIMIT</c> (the number of ids, so it removes nothing) makes the generic
    /// plan count on few rows, for which a primary-key lookup each is cheapest; the status test names the other states
    /// rather than 'pending' so that the partial index's predicate does not apply (the CHECK constraint admits no
    /// other state).
    /// </summary>
    private static string RecordSucceeded(string now, string ids, string attempts, string codes, string count) =>
        "UPDATE webhook_deliveries d SET status = 'succeeded', attempts = u.attempts, last_status_code = u.code, last_error = NULL, "
        + $"next_attempt_at = NULL, leased_until = NULL, updated_at = {now} "
        + $"FROM (SELECT * FROM unnest({ids}::uuid[], {attempts}::int[], {codes}::int[]) LIMIT {count}) AS u(id, attempts, code) "
        + "WHERE d.id = u.id AND d.status NOT IN ('succeeded', 'failed', 'dead')";

    /// <summary>Adds what <see cref="RecordSucceeded"/> reads, in its order: delivery ids, attempt counts, status codes, their number.</summary>
    private static void AddSucceeded(NpgsqlParameterCollection parameters, IReadOnlyList<SucceededAttempt> attempts)
    {
        parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = [.. attempts.Select(a => a.DeliveryId)] });
        parameters.Add(new NpgsqlParameter<int[]> { TypedValue = [.. attempts.Select(a => a.Attempts)] });
        parameters.Add(new NpgsqlParameter<int[]> { TypedValue = [.. attempts.Select(a => a.StatusCode)] });
        parameters.Add(new NpgsqlParameter<int> { TypedValue = attempts.Count });
    }
}
