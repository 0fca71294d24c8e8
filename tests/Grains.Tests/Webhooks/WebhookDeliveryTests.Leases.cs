using MindPeeker.Grains.Abstractions.Webhooks;
using MindPeeker.Grains.Webhooks;

namespace MindPeeker.Grains.Tests.Webhooks;

/// <summary>
/// The outbox's claim statements on the same database: what a lease keeps from a second sender, what it leaves visible
/// to the endpoint's owner, and when a delivery whose outcome was never written comes back.
/// </summary>
public sealed partial class WebhookDeliveryTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task A_leased_delivery_is_claimed_once_keeps_its_due_time_and_is_due_again_when_the_lease_ends()
    {
        var endpoint = await _silo.CreateEndpointAsync(_owner, _receiver.Url);
        var db = _database.DataSource;
        var due = WholeMicroseconds(_time.GetUtcNow());
        // Written without waking the endpoint grain, so only this test claims it.
        var (eventId, _) = await WebhookOutbox.PublishAsync(db, _owner, WebhookEvent.Of(WebhookEventTypes.SessionCompleted, new { n = 1 }), due);

        var claimed = await WebhookDeliveryTable.ClaimDueAsync(db, endpoint.Id, due, due + Lease, 10, [], []);
        claimed.Should().ContainSingle().Which.EventId.Should().Be(eventId);
        var second = await WebhookDeliveryTable.ClaimDueAsync(db, endpoint.Id, due + (Lease / 2), due + (Lease * 2), 10, [], []);
        second.Should().BeEmpty("no other activation may send a delivery while its lease runs");

        var row = await _database.DeliveryAsync(eventId);
        row.Status.Should().Be(WebhookDeliveryStatus.Pending);
        row.NextAttemptAt.Should().Be(due, "the owner still sees when the attempt was due, not the lease");
        (await WebhookDeliveryTable.NextDueAsync(db, endpoint.Id, [])).Should().Be(due + Lease, "the endpoint wakes for it when the lease ends");

        var again = await WebhookDeliveryTable.ClaimDueAsync(db, endpoint.Id, due + Lease, due + (Lease * 2), 10, [], []);
        again.Should().ContainSingle("an attempt whose outcome was never written is sent again after its lease")
            .Which.Id.Should().Be(claimed[0].Id);

        // The success is written by the statement that claims the next round.
        var next = await WebhookDeliveryTable.ClaimDueAsync(
            db, endpoint.Id, due + Lease, due + (Lease * 2), 10, [again[0].Id], [new SucceededAttempt(again[0].Id, 1, 204)]);
        next.Should().BeEmpty();
        var delivered = await _database.DeliveryAsync(eventId);
        delivered.Status.Should().Be(WebhookDeliveryStatus.Succeeded);
        delivered.Attempts.Should().Be(1);
        delivered.LastStatusCode.Should().Be(204);
        delivered.NextAttemptAt.Should().BeNull();
        (await WebhookDeliveryTable.NextDueAsync(db, endpoint.Id, [])).Should().BeNull();
    }

    // PostgreSQL keeps microseconds; the fake clock's start may carry finer ticks.
    private static DateTimeOffset WholeMicroseconds(DateTimeOffset time) => new(time.UtcTicks - (time.UtcTicks % 10), TimeSpan.Zero);
}
