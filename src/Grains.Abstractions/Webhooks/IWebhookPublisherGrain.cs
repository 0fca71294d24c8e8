using MindPeeker.Runtime;

namespace MindPeeker.Grains.Abstractions.Webhooks;

/// <summary>
/// The one call through which producers (sessions, users, the endpoints themselves) publish a user's events, keyed by
/// the user's id. A stateless worker: publishes of one user run in parallel.
/// </summary>
public interface IWebhookPublisherGrain : IGrainWithGuidKey
{
    /// <summary>
    /// Commits the event and one pending delivery for each of the user's enabled endpoints subscribed to its type, in
    /// one statement, before returning; then wakes those endpoints. An event no endpoint wants stores nothing. Once
    /// this returns, the event is delivered at least once (or ends failed or dead, visible in the deliveries list).
    /// </summary>
    Task<PublishedWebhookEvent> Publish(WebhookEvent webhookEvent);
}
