using MindPeeker.Grains.Abstractions.Sessions;
using MindPeeker.Grains.Abstractions.Webhooks;
using MindPeeker.Grains.Webhooks;

namespace MindPeeker.Grains.Sessions;

/// <summary>
/// The session's webhook events (docs/webhooks.md): <c>analysis.ready</c> per result, <c>session.completed</c>,
/// <c>session.failed</c> with <c>analysis.failed</c>, and <c>session.cancelled</c>. They are written by the update's own
/// statement (<see cref="SessionStore.WriteAsync"/>), so they are committed exactly when the update is; the endpoints that
/// got a delivery are woken after the commit, and one whose wake-up is lost is woken by the outbox sweep.
/// </summary>
internal sealed partial class SessionGrain
{
    /// <summary>
    /// The webhook events <paramref name="update"/> causes, each with an id that is the same for the same session, sequence
    /// and type, so a statement applied twice stores each event once. Empty for updates without events.
    /// </summary>
    internal static List<(string Id, WebhookEvent Event)> WebhookEventsOf(SessionUpdate update, string sessionType)
    {
        string[] types = update.Event switch
        {
            SessionEvents.Result => [WebhookEventTypes.AnalysisReady],
            SessionEvents.Completed => [WebhookEventTypes.SessionCompleted],
            SessionEvents.Failed => [WebhookEventTypes.AnalysisFailed, WebhookEventTypes.SessionFailed],
            SessionEvents.Cancelled => [WebhookEventTypes.SessionCancelled],
            _ => [],
        };
        var events = new List<(string, WebhookEvent)>(types.Length);
        foreach (var type in types)
        {
            events.Add((WebhookOutbox.StableEventId($"session/{update.SessionId:N}/{update.Sequence}/{type}"), WebhookEvent.Of(type, new
            {
                session_id = update.SessionId,
                session_type = sessionType,
                status = update.Status,
                progress = update.Progress,
                result_count = update.ResultCount,
                error = update.Error,
                sequence = update.Sequence,
                occurred_at = update.Timestamp,
            })));
        }

        return events;
    }

    /// <summary>Wakes the endpoints that got a delivery, without waiting: a lost wake-up only delays the delivery until the sweep.</summary>
    private void WakeWebhookEndpoints(IReadOnlyList<Guid> endpoints)
    {
        foreach (var endpoint in endpoints)
        {
            _ = PokeAsync(endpoint);
        }
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
