using MindPeeker.Grains.Abstractions.Identity;
using MindPeeker.Grains.Abstractions.Integrations;
using MindPeeker.Grains.Abstractions.Sessions;
using MindPeeker.Grains.Abstractions.Webhooks;
using MindPeeker.Runtime;

namespace MindPeeker.Grains.Abstractions.DataLifecycle;

/// <summary>
/// Incremental-sync reads (<c>?updated_since=</c>) of an owner's lists, straight from PostgreSQL in <c>(updated_at, id)</c>
/// order (docs/data-lifecycle.md). A stateless worker: call it with key 0. It only ever returns the owner's rows.
/// </summary>
public interface IIncrementalSyncGrain : IGrainWithIntegerKey
{
    /// <summary>The owner's sessions, optionally only those in <paramref name="status"/>; deleted sessions are tombstones.</summary>
    Task<SyncPage<SessionSnapshot>> Sessions(Guid ownerId, SyncListQuery query, string? status);

    /// <summary>The owner's API keys (metadata only); revoked keys are tombstones.</summary>
    Task<SyncPage<ApiKeyView>> ApiKeys(Guid ownerId, SyncListQuery query);

    /// <summary>The owner's webhook endpoints; deleted endpoints are tombstones.</summary>
    Task<SyncPage<WebhookEndpointView>> Webhooks(Guid ownerId, SyncListQuery query);

    /// <summary>The owner's integrations; deleted integrations are tombstones.</summary>
    Task<SyncPage<IntegrationView>> Integrations(Guid ownerId, SyncListQuery query);

    /// <summary>The deliveries of the owner's endpoint <paramref name="endpointId"/>, optionally of one <paramref name="status"/>; <see langword="null"/> when the endpoint is not the owner's (or deleted).</summary>
    Task<SyncPage<WebhookDeliveryView>?> Deliveries(Guid ownerId, Guid endpointId, SyncListQuery query, string? status);
}
