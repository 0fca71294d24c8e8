using MindPeeker.Grains.Abstractions.Webhooks;
using MindPeeker.Grains.DataLifecycle;
using MindPeeker.Grains.Tests.Sessions;
using MindPeeker.Grains.Webhooks;
using Npgsql;

namespace MindPeeker.Grains.Tests.Webhooks;

/// <summary>
/// Erasure and the outbox: webhook deliveries have no foreign keys (migration 0016), so the erasure statement deletes
/// them itself, and a publish racing it must not leave deliveries behind.
/// </summary>
public sealed partial class WebhookDeliveryTests
{
    [Fact]
    public async Task Erasing_a_user_deletes_their_webhook_deliveries_and_events_and_leaves_another_users_alone()
    {
        var db = _database.DataSource;
        var endpoint = await _silo.CreateEndpointAsync(_owner, _receiver.Url);
        var other = await _database.CreateUserAsync();
        var othersEndpoint = await _silo.CreateEndpointAsync(other, _receiver.Url);
        var now = _time.GetUtcNow();
        // Written without waking the endpoints, so the rows stay pending and nothing else touches them.
        await WebhookOutbox.PublishAsync(db, _owner, WebhookEvent.Of(WebhookEventTypes.SessionCompleted, new { n = 1 }), now);
        await WebhookOutbox.PublishAsync(db, _owner, WebhookEvent.Of(WebhookEventTypes.SessionCompleted, new { n = 2 }), now);
        var (othersEvent, _) = await WebhookOutbox.PublishAsync(db, other, WebhookEvent.Of(WebhookEventTypes.SessionCompleted, new { n = 3 }), now);
        (await CountAsync("SELECT count(*) FROM webhook_deliveries WHERE endpoint_id = $1", endpoint.Id)).Should().Be(2);

        await using (var connection = await db.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await EraseAsync(connection, transaction, _owner);
            await transaction.CommitAsync();
        }

        (await CountAsync("SELECT count(*) FROM webhook_deliveries WHERE endpoint_id = $1", endpoint.Id)).Should().Be(0, "no foreign key cascades them any more");
        (await CountAsync("SELECT count(*) FROM webhook_events WHERE user_id = $1", _owner)).Should().Be(0);
        (await CountAsync("SELECT count(*) FROM webhook_deliveries WHERE endpoint_id = $1", othersEndpoint.Id)).Should().Be(1);
        (await _database.DeliveryAsync(othersEvent)).Status.Should().Be(WebhookDeliveryStatus.Pending);
    }

    [Fact]
    public async Task A_publish_that_runs_into_an_erasure_waits_for_it_and_then_stores_nothing()
    {
        var db = _database.DataSource;
        var endpoint = await _silo.CreateEndpointAsync(_owner, _receiver.Url);
        await using var connection = await db.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await EraseAsync(connection, transaction, _owner);

        // The erasure holds the user's row; the publish's event insert needs it (its foreign key to users).
        var publish = WebhookOutbox.PublishAsync(db, _owner, WebhookEvent.Of(WebhookEventTypes.SessionCompleted, new { n = 1 }), _time.GetUtcNow());
        for (var polls = 0; await CountAsync("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'", null) == 0; polls++)
        {
            polls.Should().BeLessThan(100_000, "the publish should be waiting for the erasure's lock");
            publish.IsCompleted.Should().BeFalse("the publish cannot commit while the erasure holds the user's row");
        }

        await transaction.CommitAsync();

        var failed = await FluentActions.Awaiting(() => publish).Should().ThrowAsync<PostgresException>();
        failed.Which.SqlState.Should().Be(PostgresErrorCodes.ForeignKeyViolation);
        (await CountAsync("SELECT count(*) FROM webhook_deliveries WHERE endpoint_id = $1", endpoint.Id)).Should().Be(0);
    }

    private static async Task EraseAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid user)
    {
        await using var command = new NpgsqlCommand(UserDataQueries.Erase, connection, transaction);
        command.Parameters.AddWithValue("user", user);
        command.Parameters.AddWithValue("user_text", user.ToString());
        await command.ExecuteNonQueryAsync();
    }

    private async Task<long> CountAsync(string sql, Guid? parameter)
    {
        await using var command = _database.DataSource.CreateCommand(sql);
        if (parameter is { } value)
        {
            command.Parameters.AddWithValue(value);
        }

        return (long)(await command.ExecuteScalarAsync())!;
    }
}
