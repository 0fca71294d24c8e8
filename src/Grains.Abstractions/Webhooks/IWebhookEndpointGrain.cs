using MindPeeker.Runtime;

namespace MindPeeker.Grains.Abstractions.Webhooks;

/// <summary>
/// One webhook endpoint (keyed by its id): its settings and the delivery of its outbox, the endpoint's rows of
/// <c>webhook_deliveries</c>. Management calls take the caller's user id and treat another user's endpoint as absent
/// (null or false), so the API answers 404.
/// </summary>
public interface IWebhookEndpointGrain : IGrainWithGuidKey
{
    [ReadOnly]
    Task<WebhookEndpointView?> Get(Guid ownerId);

    /// <summary>Applies <paramref name="changes"/>; null when the owner has no such endpoint.</summary>
    Task<WebhookEndpointResult?> Update(Guid ownerId, WebhookEndpointChanges changes);

    /// <summary>Deletes the endpoint; its pending deliveries are given up. False when the owner has no such endpoint.</summary>
    Task<bool> Delete(Guid ownerId);

    /// <summary>The endpoint's deliveries, newest first, only those in <paramref name="status"/> when given.</summary>
    [ReadOnly]
    Task<WebhookDeliveryPage?> ListDeliveries(Guid ownerId, int limit, Guid? startingAfter, string? status);

    /// <summary>Queues a <c>webhook.test</c> event for this endpoint only; null when the owner has no such endpoint.</summary>
    Task<PublishedWebhookEvent?> SendTest(Guid ownerId);

    /// <summary>Sends the delivery again now with a fresh schedule, whatever its state; false when there is no such delivery.</summary>
    Task<bool> Retry(Guid ownerId, Guid deliveryId);

    /// <summary>Sends again every failed or dead delivery created at or after <paramref name="since"/>; the count, or null when not found.</summary>
    Task<int?> Recover(Guid ownerId, DateTimeOffset since);

    /// <summary>Wakes the endpoint: due deliveries are attempted, and the next ones scheduled. Called after publishing.</summary>
    [AlwaysInterleave]
    Task Poke();
}
