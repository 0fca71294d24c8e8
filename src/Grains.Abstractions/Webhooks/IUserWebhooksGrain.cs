using MindPeeker.Runtime;

namespace MindPeeker.Grains.Abstractions.Webhooks;

/// <summary>
/// One user's webhook endpoints (keyed by the user's id): registering and listing them. Events are published through
/// <see cref="IWebhookPublisherGrain"/>. Stateless apart from PostgreSQL, so calls may interleave.
/// </summary>
public interface IUserWebhooksGrain : IGrainWithGuidKey
{
    /// <summary>Registers an endpoint after checking its URL and secret; the answer carries the secret, the only time it is shown.</summary>
    Task<WebhookEndpointResult> Create(WebhookEndpointRequest request);

    /// <summary>The user's endpoints, newest first, after <paramref name="startingAfter"/> when given.</summary>
    [ReadOnly]
    Task<WebhookEndpointPage> List(int limit, Guid? startingAfter);
}
