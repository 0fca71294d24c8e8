using MindPeeker.Grains.Abstractions.Webhooks;
using MindPeeker.Grains.Tests.Sessions;
using MindPeeker.Grains.Webhooks.Signing;
using MindPeeker.TestSupport;

namespace MindPeeker.Grains.Tests.Webhooks;

public sealed class WebhookDurabilityTests
{
    [Fact]
    public async Task A_silo_stopped_with_a_delivery_pending_loses_no_event()
    {
        await using var database = await PostgreSqlTestDatabase.CreateAsync();
        await using var receiver = await WebhookTestReceiver.StartAsync();
        var time = new FakeTimeProvider();
        receiver.Status = 503;
        PublishedWebhookEvent published;
        await using (var first = await WebhookSilo.StartAsync(database, time))
        {
            var owner = await database.CreateUserAsync();
            await first.CreateEndpointAsync(owner, receiver.Url);
            published = await first.PublishAsync(owner);
            await first.Logs.WaitForAsync(WebhookLogRecorder.AttemptRecorded, "DeliveryId", (await database.DeliveryAsync(published.EventId)).Id);
        }

        (await database.DeliveryAsync(published.EventId)).Status.Should().Be(WebhookDeliveryStatus.Pending);
        receiver.Status = 204;
        await using var second = await WebhookSilo.StartAsync(database, time);

        // Neither a call nor a timer of the first silo survives: the endpoint's reminder (or the outbox sweep) brings it back.
        time.Advance(TimeSpan.FromMinutes(3));
        await receiver.WaitForAsync(2);

        receiver.Received.Select(r => r.WebhookId).Should().Equal(published.EventId, published.EventId);
        await second.Logs.WaitForAsync(WebhookLogRecorder.AttemptRecorded, "DeliveryId", (await database.DeliveryAsync(published.EventId)).Id);
        (await database.DeliveryAsync(published.EventId)).Status.Should().Be(WebhookDeliveryStatus.Succeeded);
    }

    [Fact]
    public async Task The_independent_standardwebhooks_verifier_accepts_real_deliveries()
    {
        await using var database = await PostgreSqlTestDatabase.CreateAsync();
        var secret = WebhookSecret.Generate().Export();
        await using var receiver = await StandardWebhooksReceiver.StartAsync(secret);
        await using var silo = await WebhookSilo.StartAsync(database);
        var owner = await database.CreateUserAsync();
        var endpoint = await silo.CreateEndpointAsync(owner, receiver.Url, secret);

        var published = await silo.PublishAsync(owner);
        var test = await silo.Endpoint(endpoint.Id).SendTest(owner);

        var received = await receiver.WaitForAsync(r => r.Count >= 2, TimeSpan.FromSeconds(60));
        received.Select(r => r.Id).Should().BeEquivalentTo([published.EventId, test!.EventId]);
        received.Should().OnlyContain(r => r.ValidStandard && r.ValidLegacy, "the npm standardwebhooks package and the legacy hex check both verify");
        received.Select(r => r.Type).Should().BeEquivalentTo([WebhookEventTypes.SessionCompleted, WebhookEventTypes.Test]);
    }
}
