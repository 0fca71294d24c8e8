namespace MindPeeker.ApiFrontend.DataLifecycle;

/// <summary>The lists that answer <c>?updated_since=</c> with an incremental-sync page.</summary>
internal enum SyncResource
{
    Sessions,
    ApiKeys,
    Webhooks,
    WebhookDeliveries,
    Integrations,
}
