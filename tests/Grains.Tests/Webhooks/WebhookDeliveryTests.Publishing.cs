using MindPeeker.Grains.Abstractions.Webhooks;

namespace MindPeeker.Grains.Tests.Webhooks;

/// <summary>Publishing through the publisher grain, whose workers write the publishes that arrive together in one statement.</summary>
public sealed partial class WebhookDeliveryTests
{
    [Fact]
    public async Task Concurrent_publishes_each_get_their_own_committed_event_and_every_delivery_arrives_once()
    {
        await _silo.CreateEndpointAsync(_owner, _receiver.Url);
        await _silo.CreateEndpointAsync(_owner, _receiver.Url);
        var publisher = _silo.Grains.GetGrain<IWebhookPublisherGrain>(_owner);

        var published = await Task.WhenAll(Enumerable.Range(0, 40).Select(
            i => publisher.Publish(WebhookEvent.Of(WebhookEventTypes.SessionCompleted, new { n = i }))));

        published.Select(p => p.EventId).Should().OnlyHaveUniqueItems();
        published.Should().OnlyContain(p => p.Deliveries == 2, "each answer counts its own event's deliveries, not its group's");
        foreach (var p in published)
        {
            // Committed before the answer: the row is there as soon as the call returned.
            (await CountAsync("SELECT count(*) FROM webhook_deliveries WHERE event_id = $1", p.EventId)).Should().Be(2);
        }

        await _receiver.WaitForAsync(80);
        _receiver.Received.GroupBy(r => r.WebhookId).Should().HaveCount(40).And.OnlyContain(g => g.Count() == 2);
    }

    [Fact]
    public async Task A_publish_for_a_user_without_endpoints_stores_nothing_and_counts_no_delivery()
    {
        var publisher = _silo.Grains.GetGrain<IWebhookPublisherGrain>(_owner);

        var published = await Task.WhenAll(Enumerable.Range(0, 5).Select(
            i => publisher.Publish(WebhookEvent.Of(WebhookEventTypes.SessionCompleted, new { n = i }))));

        published.Should().OnlyContain(p => p.Deliveries == 0);
        (await CountAsync("SELECT count(*) FROM webhook_events WHERE user_id = $1", _owner)).Should().Be(0);
    }
}
