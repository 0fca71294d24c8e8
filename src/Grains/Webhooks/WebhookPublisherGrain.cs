using Microsoft.Extensions.Logging;
using MindPeeker.Grains.Abstractions.Webhooks;
using MindPeeker.Runtime;
using Npgsql;

namespace MindPeeker.Grains.Webhooks;

/// <summary>
/// Publishes one user's events into the outbox (<see cref="WebhookOutbox"/>) and wakes the endpoints that got a
/// delivery. Needs only the database and the clock, so any silo (and any test silo) can publish. Holds no state,
/// so its workers are reentrant: one user's publishes run concurrently.
/// </summary>
[StatelessWorker]
[Reentrant]
internal sealed class WebhookPublisherGrain(NpgsqlDataSource db, TimeProvider time, ILogger<WebhookPublisherGrain> logger) : Grain, IWebhookPublisherGrain
{
    public async Task<PublishedWebhookEvent> Publish(WebhookEvent webhookEvent)
    {
        ArgumentNullException.ThrowIfNull(webhookEvent);
        var now = time.GetUtcNow();
        var (eventId, endpoints) = await WebhookOutbox.PublishAsync(db, this.GetPrimaryKey(), webhookEvent, new DateTimeOffset(now.UtcTicks - (now.UtcTicks % 10), TimeSpan.Zero));
        await Task.WhenAll(endpoints.Select(PokeAsync));
        return new PublishedWebhookEvent(eventId, endpoints.Count);
    }

    private async Task PokeAsync(Guid endpoint)
    {
        try
        {
            await GrainFactory.GetGrain<IWebhookEndpointGrain>(endpoint).Poke();
        }
        catch (Exception exception)
        {
            WebhooksLog.PokeFailed(logger, exception, endpoint);
        }
    }
}
