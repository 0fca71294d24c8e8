using MindPeeker.Runtime;

namespace MindPeeker.Grains.Abstractions.Integrations;

/// <summary>
/// One integration (keyed by its id): an external system MindPeeker talks to, with its encrypted credentials,
/// connection status, sync schedule, health, metrics and recent logs. Its state is its <c>integrations</c> row.
/// Only the owner sees it: every call names the caller, and another user's integration answers as if it did not
/// exist (<see langword="null"/>, or a reply without value). Not reentrant: calls run one at a time.
/// Credentials are decrypted only for the duration of an outbound call and are never part of an answer.
/// </summary>
public interface IIntegrationGrain : IGrainWithGuidKey
{
    /// <summary>
    /// Creates the integration (its URL's host must resolve to allowed addresses, else <see cref="IntegrationReply{T}.Errors"/>);
    /// answers the existing one unchanged when it already exists for the same owner.
    /// </summary>
    Task<IntegrationReply<IntegrationView>> Create(NewIntegration integration);

    Task<IntegrationView?> Get(IntegrationCaller caller);

    /// <summary>Applies <paramref name="changes"/>; a changed rate limit applies to the next outbound call.</summary>
    Task<IntegrationReply<IntegrationView>> Update(IntegrationCaller caller, IntegrationChanges changes);

    /// <summary>Deletes the integration, its logs and its sync schedule; <see langword="false"/> when not found.</summary>
    Task<bool> Delete(IntegrationCaller caller);

    /// <summary>Tests the connection (one outbound call, counted against the rate limit); the status does not change.</summary>
    Task<IntegrationReply<ConnectionTestResult>> Test(IntegrationCaller caller);

    /// <summary>Tests the connection and becomes <c>connected</c> when it works, <c>error</c> when it does not.</summary>
    Task<IntegrationReply<IntegrationView>> Connect(IntegrationCaller caller);

    /// <summary>Becomes <c>disconnected</c> and stops the sync schedule. No outbound call.</summary>
    Task<IntegrationView?> Disconnect(IntegrationCaller caller);

    /// <summary>Runs one sync now and starts the schedule (every <c>configuration.sync_interval_seconds</c>, durable reminder).</summary>
    Task<IntegrationReply<IntegrationSyncStatus>> StartSync(IntegrationCaller caller);

    Task<IntegrationSyncStatus?> StopSync(IntegrationCaller caller);

    Task<IntegrationHealth?> Health(IntegrationCaller caller);

    /// <summary>Call statistics over the last <see cref="IntegrationMetrics.WindowSeconds"/> seconds of outbound calls.</summary>
    Task<IntegrationMetrics?> Metrics(IntegrationCaller caller);

    /// <summary>The newest <paramref name="limit"/> log entries, newest first.</summary>
    Task<IReadOnlyList<IntegrationLogEntry>?> Logs(IntegrationCaller caller, int limit);

    /// <summary>
    /// Maintenance: re-encrypts the stored credentials with the active master-key version when they are under an
    /// older one (and audits it). <see langword="true"/> when it re-encrypted something.
    /// </summary>
    Task<bool> RotateCredentials();
}
