using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MindPeeker.Grains.Abstractions.Webhooks;
using Npgsql;
using NpgsqlTypes;

namespace MindPeeker.Grains.Webhooks;

/// <summary>
/// Commits events and their deliveries: the event rows and one pending delivery per target endpoint are written by one
/// statement, together or not at all, before the producer gets its answer. <see cref="EnqueueSteps"/> is that write as
/// common table expressions, so a producer with its own statement (a session's update, <c>SessionStoreQueries</c>) stores
/// its events in its own transaction; <see cref="PublishAsync"/> runs it on its own. Thread safe.
/// </summary>
internal static class WebhookOutbox
{
    /// <summary>
    /// The outbox write as CTEs, to follow (after a comma) a <c>WITH</c> list that defines <c>outbox_gate</c>: nothing is
    /// stored unless it has a row (a guarded write that matched). Targets: the owner's enabled endpoints subscribed to
    /// the event's type, or exactly <c>@webhook_only_endpoint</c> when that is not null. Event ids are the caller's: a
    /// repeated statement with the same ids stores nothing twice (<c>ON CONFLICT DO NOTHING</c> on the event and on the
    /// (endpoint, event) delivery). The CTE <c>webhook_woken</c> returns the <c>endpoint_id</c> of every delivery this
    /// statement inserted. A user without endpoints costs one index lookup. Parameters are bound by <see cref="Bind"/>.
    /// </summary>
    public const string EnqueueSteps = """
        webhook_targets AS (
            SELECT h.id, h.type, h.body, w.id AS endpoint_id
            FROM unnest(@webhook_ids::text[], @webhook_types::text[], @webhook_bodies::text[]) AS h(id, type, body)
            JOIN webhook_endpoints w ON w.user_id = @webhook_user_id AND w.deleted_at IS NULL
                AND ((@webhook_only_endpoint::uuid IS NULL AND w.status = 'enabled' AND h.type = ANY(w.events)) OR w.id = @webhook_only_endpoint::uuid)
            WHERE EXISTS (SELECT 1 FROM outbox_gate)),
        webhook_stored_events AS (
            INSERT INTO webhook_events (id, user_id, type, body, occurred_at)
            SELECT DISTINCT ON (id) id, @webhook_user_id, type, body, @webhook_at FROM webhook_targets
            ON CONFLICT (id) DO NOTHING),
        webhook_woken AS (
            INSERT INTO webhook_deliveries (id, endpoint_id, event_id, event_type, status, attempts, next_attempt_at, created_at, updated_at)
            SELECT gen_random_uuid(), endpoint_id, id, type, 'pending', 0, @webhook_at, @webhook_at, @webhook_at FROM webhook_targets
            ON CONFLICT (endpoint_id, event_id) DO NOTHING
            RETURNING endpoint_id)
        """;

    private const string Publish = $"""
        WITH outbox_gate AS (SELECT 1),
        {EnqueueSteps}
        SELECT endpoint_id FROM webhook_woken
        """;

    /// <summary>
    /// Stores <paramref name="webhookEvent"/> for <paramref name="userId"/>'s matching endpoints (or only
    /// <paramref name="onlyEndpoint"/>), stamped <paramref name="now"/>; returns the event id and the endpoints to wake.
    /// </summary>
    public static async Task<(string EventId, List<Guid> Endpoints)> PublishAsync(
        NpgsqlDataSource db, Guid userId, WebhookEvent webhookEvent, DateTimeOffset now, Guid? onlyEndpoint = null)
    {
        var eventId = "evt_" + Guid.NewGuid().ToString("N");
        await using var command = db.CreateCommand(Publish);
        Bind(command.Parameters, userId, [(eventId, webhookEvent)], now, onlyEndpoint);
        var endpoints = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            endpoints.Add(reader.GetGuid(0));
        }

        return (eventId, endpoints);
    }

    /// <summary>
    /// Binds the parameters of <see cref="EnqueueSteps"/>: <paramref name="events"/> (each with its id) of
    /// <paramref name="userId"/>, occurring, created and first due at <paramref name="at"/>, for the matching endpoints or
    /// only <paramref name="onlyEndpoint"/>. Each body is written here, once, and sent byte for byte on every attempt.
    /// </summary>
    public static void Bind(
        NpgsqlParameterCollection parameters, Guid userId, IReadOnlyList<(string Id, WebhookEvent Event)> events, DateTimeOffset at, Guid? onlyEndpoint = null)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(events);
        parameters.AddWithValue("webhook_user_id", userId);
        parameters.AddWithValue("webhook_ids", events.Select(e => e.Id).ToArray());
        parameters.AddWithValue("webhook_types", events.Select(e => e.Event.Type).ToArray());
        parameters.AddWithValue("webhook_bodies", events.Select(e => Body(e.Id, e.Event, at)).ToArray());
        parameters.AddWithValue("webhook_at", at);
        parameters.Add(new NpgsqlParameter("webhook_only_endpoint", NpgsqlDbType.Uuid) { Value = (object?)onlyEndpoint ?? DBNull.Value });
    }

    /// <summary>
    /// An event id (<c>evt_</c> + 32 hex digits, like a random one) that is the same every time for the same
    /// <paramref name="key"/>, so a producer that may write the same event twice stores it once.
    /// </summary>
    public static string StableEventId(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(key), hash);
        return "evt_" + Convert.ToHexStringLower(hash[..16]);
    }

    /// <summary>The delivery body <c>{id, type, timestamp, data}</c> (API.md).</summary>
    private static string Body(string eventId, WebhookEvent webhookEvent, DateTimeOffset at)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("id", eventId);
            writer.WriteString("type", webhookEvent.Type);
            writer.WriteString("timestamp", at.UtcDateTime);
            writer.WritePropertyName("data");
            if (webhookEvent.Data.ValueKind == JsonValueKind.Undefined)
            {
                writer.WriteStartObject();
                writer.WriteEndObject();
            }
            else
            {
                webhookEvent.Data.WriteTo(writer);
            }
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
