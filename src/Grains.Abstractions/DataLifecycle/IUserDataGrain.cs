using MindPeeker.Runtime;

namespace MindPeeker.Grains.Abstractions.DataLifecycle;

/// <summary>
/// A user's data as a whole (GDPR export and erasure), keyed by the user's id. Stateless between calls; audited.
/// </summary>
public interface IUserDataGrain : IGrainWithGuidKey
{
    /// <summary>
    /// Everything stored about the user as one JSON document (UTF-8 text): profile, API keys (metadata only), sessions
    /// with results and events, webhooks (no secrets) with their deliveries, integrations (no credentials) with logs,
    /// and audit entries about the user. <see langword="null"/> when no such user exists.
    /// </summary>
    Task<string?> Export(DataRequester requester);

    /// <summary>
    /// Erases the user: revokes their API keys and refresh tokens at once, stops their sessions, webhooks and
    /// integrations, deletes every row about them, pseudonymises their past audit entries and appends a
    /// <c>user.erased</c> tombstone. <see langword="null"/> when no such user exists.
    /// </summary>
    Task<ErasureReport?> Erase(DataRequester requester);
}
