using System.Globalization;
using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using System.Text;
using MindPeeker.Sdk.Http;

namespace MindPeeker.Sdk.Sessions;

/// <summary><c>/v1/sessions</c> and the live updates of <c>/v1/ws</c>. Thread safe; get it from <see cref="MindPeekerClient.Sessions"/>.</summary>
public sealed class SessionsClient
{
    private const string BasePath = "/v1/sessions";
    private readonly ApiConnection _api;

    internal SessionsClient(ApiConnection api)
    {
        _api = api;
    }

    /// <summary>
    /// Creates a session (<c>POST /v1/sessions</c>). Every attempt carries the same <c>Idempotency-Key</c>
    /// (<paramref name="idempotencyKey"/>, or a fresh random one), so a retried create never makes two sessions.
    /// </summary>
    public async Task<Session> CreateAsync(CreateSessionRequest request, string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = idempotencyKey ?? Guid.NewGuid().ToString("N");
        return await _api.SendAsync<Session>(HttpMethod.Post, BasePath, request, key, cancellationToken).ConfigureAwait(false)
            ?? throw new MindPeekerApiException("The API answered no session.");
    }

    /// <summary>The session (<c>GET /v1/sessions/{id}</c>); 404 for a session that does not exist or is someone else's.</summary>
    public async Task<Session> GetAsync(Guid sessionId, CancellationToken cancellationToken = default) =>
        await _api.SendAsync<Session>(HttpMethod.Get, $"{BasePath}/{sessionId}", null, null, cancellationToken).ConfigureAwait(false)
            ?? throw new MindPeekerApiException("The API answered no session.");

    /// <summary>
    /// Every session matching <paramref name="options"/>, newest first (with <see cref="SessionListOptions.UpdatedSince"/>:
    /// oldest change first), fetching page after page through <c>starting_after</c> as the enumeration goes.
    /// </summary>
    public async IAsyncEnumerable<Session> ListAsync(SessionListOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        options ??= new SessionListOptions();
        var cursor = options.StartingAfter?.ToString();
        while (true)
        {
            var page = await _api.SendAsync<Page<Session>>(HttpMethod.Get, ListQuery(options, cursor), null, null, cancellationToken).ConfigureAwait(false)
                ?? throw new MindPeekerApiException("The API answered no page.");
            foreach (var session in page.Items)
            {
                yield return session;
            }

            if (!page.HasMore || page.NextCursor is null)
            {
                yield break;
            }

            cursor = page.NextCursor;
        }
    }

    /// <summary>The session's analysis results (<c>GET /v1/sessions/{id}/results</c>; needs <c>analyses:read</c>).</summary>
    public async Task<IReadOnlyList<SessionResult>> GetResultsAsync(Guid sessionId, CancellationToken cancellationToken = default) =>
        (await _api.SendAsync<Items<SessionResult>>(HttpMethod.Get, $"{BasePath}/{sessionId}/results", null, null, cancellationToken).ConfigureAwait(false))?.Values ?? [];

    /// <summary>The session's updates after sequence <paramref name="startingAfter"/> (<c>GET /v1/sessions/{id}/events</c>), in order.</summary>
    public async Task<IReadOnlyList<SessionUpdate>> GetEventsAsync(Guid sessionId, long startingAfter = 0, CancellationToken cancellationToken = default) =>
        (await _api.SendAsync<Items<SessionUpdate>>(
            HttpMethod.Get, string.Create(CultureInfo.InvariantCulture, $"{BasePath}/{sessionId}/events?starting_after={startingAfter}"), null, null, cancellationToken)
            .ConfigureAwait(false))?.Values ?? [];

    /// <summary>Cancels the session (<c>POST /v1/sessions/{id}/cancel</c>); a final session is answered unchanged.</summary>
    public async Task<Session> CancelAsync(Guid sessionId, CancellationToken cancellationToken = default) =>
        await _api.SendAsync<Session>(HttpMethod.Post, $"{BasePath}/{sessionId}/cancel", null, null, cancellationToken).ConfigureAwait(false)
            ?? throw new MindPeekerApiException("The API answered no session.");

    /// <summary>
    /// Follows the session live over SignalR: <paramref name="onUpdate"/> gets each <c>session_update</c> newer
    /// than the subscription's snapshot. Throws <see cref="MindPeekerApiException"/> when the hub refuses the
    /// session ("Session not found") and <see cref="WebSocketException"/> when the hub cannot be reached.
    /// </summary>
    public Task<SessionSubscription> SubscribeAsync(Guid sessionId, Action<SessionUpdate> onUpdate, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(onUpdate);
        return SessionSubscription.StartAsync(_api, sessionId, onUpdate, cancellationToken);
    }

    /// <summary>
    /// Waits until the session is completed, failed or cancelled and answers it. Follows it live over SignalR
    /// when <see cref="WaitOptions.UseRealtime"/> (the default) and falls back to polling the events endpoint
    /// every <see cref="WaitOptions.PollInterval"/> when the hub is unavailable or the connection drops.
    /// <see cref="WaitOptions.OnProgress"/> sees every update after the wait began once, in sequence order.
    /// Throws <see cref="TimeoutException"/> after <see cref="WaitOptions.Timeout"/> (default 1,800 s).
    /// </summary>
    public async Task<Session> WaitForCompletionAsync(Guid sessionId, WaitOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new WaitOptions();
        using var timeout = new CancellationTokenSource(options.Timeout, _api.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var progress = new ProgressRelay(options.OnProgress);
        try
        {
            if (options.UseRealtime && await WaitLiveAsync(sessionId, progress, linked.Token).ConfigureAwait(false))
            {
                return await GetAsync(sessionId, linked.Token).ConfigureAwait(false);
            }

            await PollAsync(sessionId, progress, options.PollInterval, linked.Token).ConfigureAwait(false);
            return await GetAsync(sessionId, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Session {sessionId} did not finish within {options.Timeout}.");
        }
    }

    /// <summary>True when the session reached a final status live; false when the caller should poll instead.</summary>
    private async Task<bool> WaitLiveAsync(Guid sessionId, ProgressRelay progress, CancellationToken cancellationToken)
    {
        var final = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            await using var subscription = await SubscribeAsync(
                sessionId,
                update =>
                {
                    progress.Report(update);
                    if (SessionStatuses.IsFinal(update.Data.Status))
                    {
                        final.TrySetResult();
                    }
                },
                cancellationToken).ConfigureAwait(false);
            progress.Skip(subscription.Sequence);
            if (subscription.Snapshot.IsFinal)
            {
                return true;
            }

            await Task.WhenAny(final.Task, subscription.Closed).WaitAsync(cancellationToken).ConfigureAwait(false);
            return final.Task.IsCompleted;
        }
        catch (Exception exception) when (exception is WebSocketException or HttpRequestException)
        {
            return false;
        }
    }

    private async Task PollAsync(Guid sessionId, ProgressRelay progress, TimeSpan interval, CancellationToken cancellationToken)
    {
        while (true)
        {
            var updates = await GetEventsAsync(sessionId, progress.LastSequence, cancellationToken).ConfigureAwait(false);
            foreach (var update in updates)
            {
                progress.Report(update);
            }

            if (updates.Any(u => SessionStatuses.IsFinal(u.Data.Status)) || (updates.Count == 0 && (await GetAsync(sessionId, cancellationToken).ConfigureAwait(false)).IsFinal))
            {
                return;
            }

            await Task.Delay(interval, _api.Time, cancellationToken).ConfigureAwait(false);
        }
    }

    private static string ListQuery(SessionListOptions options, string? cursor)
    {
        var query = new StringBuilder(BasePath).Append("?limit=").Append((options.PageSize ?? 20).ToString(CultureInfo.InvariantCulture));
        if (cursor is not null)
        {
            query.Append("&starting_after=").Append(Uri.EscapeDataString(cursor));
        }

        if (options.UpdatedSince is { } since)
        {
            query.Append("&updated_since=").Append(Uri.EscapeDataString(since.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture)));
        }

        if (options.Status is { } status)
        {
            query.Append("&status=").Append(Uri.EscapeDataString(status));
        }

        return query.ToString();
    }
}
