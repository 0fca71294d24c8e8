using MindPeeker.Grains.Abstractions.Idempotency;
using MindPeeker.Runtime;
using Npgsql;

namespace MindPeeker.Grains.Idempotency;

/// <summary>
/// Keeps <c>idempotency_records</c> in PostgreSQL (a stateless worker). Claiming a key is one
/// <c>INSERT … ON CONFLICT</c>, so concurrent requests with one key never both start. Expired
/// records are taken over by their key's next use and purged in passing, at most once an hour.
/// </summary>
[StatelessWorker]
internal sealed class IdempotencyLedgerGrain(NpgsqlDataSource dataSource, TimeProvider timeProvider) : Grain, IIdempotencyLedgerGrain
{
    private static readonly TimeSpan PurgeInterval = TimeSpan.FromHours(1);
    private static long s_nextPurge;

    public async Task<IdempotencyClaim> Begin(IdempotentRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = timeProvider.GetUtcNow();
        await PurgeIfDueAsync(now);

        // A record released between the claim and the read leaves nothing to read: claim again.
        for (var tries = 0; ; tries++)
        {
            var attempt = Guid.NewGuid();
            if (await ClaimAsync(request, attempt, now) is { } resourceId)
            {
                return new IdempotencyClaim(IdempotencyOutcome.Started, attempt, null, resourceId);
            }

            var existing = await ReadAsync(request, now);
            if (existing is not null || tries == 2)
            {
                return existing ?? new IdempotencyClaim(IdempotencyOutcome.InProgress, Guid.Empty, null, RetryAfter: TimeSpan.FromSeconds(1));
            }
        }
    }

    public async Task Complete(string owner, string key, Guid attempt, IdempotentResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        await using var command = dataSource.CreateCommand(IdempotencyQueries.Complete);
        command.Parameters.AddWithValue("owner", owner);
        command.Parameters.AddWithValue("key", key);
        command.Parameters.AddWithValue("attempt", attempt);
        command.Parameters.AddWithValue("status_code", response.StatusCode);
        command.Parameters.AddWithValue("content_type", (object?)response.ContentType ?? DBNull.Value);
        command.Parameters.AddWithValue("location", (object?)response.Location ?? DBNull.Value);
        command.Parameters.AddWithValue("body", response.Body);
        command.Parameters.AddWithValue("now", timeProvider.GetUtcNow());
        await command.ExecuteNonQueryAsync();
    }

    public async Task Release(string owner, string key, Guid attempt)
    {
        await using var command = dataSource.CreateCommand(IdempotencyQueries.Release);
        command.Parameters.AddWithValue("owner", owner);
        command.Parameters.AddWithValue("key", key);
        command.Parameters.AddWithValue("attempt", attempt);
        command.Parameters.AddWithValue("now", timeProvider.GetUtcNow());
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Claims the key for <paramref name="attempt"/>; the resource id it creates, or null when another attempt holds the key.</summary>
    private async Task<Guid?> ClaimAsync(IdempotentRequest request, Guid attempt, DateTimeOffset now)
    {
        await using var command = dataSource.CreateCommand(IdempotencyQueries.Claim);
        command.Parameters.AddWithValue("owner", request.Owner);
        command.Parameters.AddWithValue("key", request.Key);
        command.Parameters.AddWithValue("method", request.Method);
        command.Parameters.AddWithValue("path", request.Path);
        command.Parameters.AddWithValue("hash", request.BodyHash);
        command.Parameters.AddWithValue("attempt", attempt);
        command.Parameters.AddWithValue("resource_id", Guid.CreateVersion7(now));
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("locked_until", now + request.Lease);
        command.Parameters.AddWithValue("expires_at", now + request.Retention);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? reader.GetGuid(1) : null;
    }

    private async Task<IdempotencyClaim?> ReadAsync(IdempotentRequest request, DateTimeOffset now)
    {
        await using var command = dataSource.CreateCommand(IdempotencyQueries.Read);
        command.Parameters.AddWithValue("owner", request.Owner);
        command.Parameters.AddWithValue("key", request.Key);
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            return null;
        }

        var sameRequest = reader.GetString(0) == request.Method
            && reader.GetString(1) == request.Path
            && reader.GetFieldValue<byte[]>(2).AsSpan().SequenceEqual(request.BodyHash);
        if (!sameRequest)
        {
            return new IdempotencyClaim(IdempotencyOutcome.Mismatch, Guid.Empty, null);
        }

        if (!reader.GetBoolean(3))
        {
            var leaseLeft = reader.GetFieldValue<DateTimeOffset>(8) - now;
            return new IdempotencyClaim(IdempotencyOutcome.InProgress, Guid.Empty, null,
                RetryAfter: TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling(leaseLeft.TotalSeconds))));
        }

        var response = new IdempotentResponse(
            reader.GetInt32(4),
            reader.IsDBNull(5) ? null : reader.GetString(5),
            reader.IsDBNull(6) ? null : reader.GetString(6),
            reader.GetFieldValue<byte[]>(7));
        return new IdempotencyClaim(IdempotencyOutcome.Replay, Guid.Empty, response);
    }

    private async Task PurgeIfDueAsync(DateTimeOffset now)
    {
        var due = Interlocked.Read(ref s_nextPurge);
        if (now.UtcTicks < due || Interlocked.CompareExchange(ref s_nextPurge, (now + PurgeInterval).UtcTicks, due) != due)
        {
            return;
        }

        await using var command = dataSource.CreateCommand(IdempotencyQueries.Purge);
        command.Parameters.AddWithValue("now", now);
        await command.ExecuteNonQueryAsync();
    }
}
