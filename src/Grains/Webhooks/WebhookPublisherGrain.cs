using Microsoft.Extensions.Logging;
using MindPeeker.Grains.Abstractions.Webhooks;
using MindPeeker.Runtime;
using Npgsql;

namespace MindPeeker.Grains.Webhooks;

/// <summary>
/// Publishes one user's events into the outbox (<see cref="WebhookOutbox"/>) and wakes the endpoints that got a
/// delivery. Needs only the database and the clock, so any silo (and any test silo) can publish. Its workers are
/// reentrant, so one user's publishes run concurrently, and they commit in groups: a publish that arrives while the
/// worker's statement runs waits for it to finish and is then written together with the others that arrived meanwhile,
/// in one statement (an idle worker writes at once). Each caller still gets its answer only once its own event has
/// committed and its endpoints have been woken. All state is the activation's and touched only on its scheduler.
/// </summary>
[StatelessWorker]
[Reentrant]
internal sealed class WebhookPublisherGrain(NpgsqlDataSource db, TimeProvider time, ILogger<WebhookPublisherGrain> logger) : Grain, IWebhookPublisherGrain
{
    private List<QueuedWebhookEvent> _waiting = [];
    private bool _writing;

    public Task<PublishedWebhookEvent> Publish(WebhookEvent webhookEvent)
    {
        ArgumentNullException.ThrowIfNull(webhookEvent);
        var queued = new QueuedWebhookEvent(WebhookOutbox.NewEventId(), webhookEvent);
        _waiting.Add(queued);
        if (!_writing)
        {
            _writing = true;
            _ = WriteWaitingAsync();
        }

        return queued.Published.Task;
    }

    /// <summary>Writes what is waiting, one group per statement, until nothing is. Never throws: each caller gets its own outcome.</summary>
    private async Task WriteWaitingAsync()
    {
        try
        {
            while (_waiting.Count > 0)
            {
                var group = _waiting;
                _waiting = [];
                await WriteAsync(group);
            }
        }
        finally
        {
            _writing = false;
        }
    }

    private async Task WriteAsync(List<QueuedWebhookEvent> group)
    {
        List<(string EventId, Guid EndpointId)> stored;
        try
        {
            var now = time.GetUtcNow();
            stored = await WebhookOutbox.PublishAsync(
                db, this.GetPrimaryKey(), group.ConvertAll(q => (q.Id, q.Event)), new DateTimeOffset(now.UtcTicks - (now.UtcTicks % 10), TimeSpan.Zero));
        }
        catch (Exception) when (group.Count > 1)
        {
            // Nothing of the group was stored. One event's failure must not fail the others: each is written on its own.
            foreach (var queued in group)
            {
                await WriteAsync([queued]);
            }

            return;
        }
        catch (Exception exception)
        {
            group[0].Published.TrySetException(exception);
            return;
        }

        await Task.WhenAll(stored.Select(s => s.EndpointId).Distinct().Select(PokeAsync));
        foreach (var queued in group)
        {
            queued.Published.TrySetResult(new PublishedWebhookEvent(queued.Id, stored.Count(s => s.EventId == queued.Id)));
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

    /// <summary>A publish waiting for its group's statement.</summary>
    private sealed record QueuedWebhookEvent(string Id, WebhookEvent Event)
    {
        public TaskCompletionSource<PublishedWebhookEvent> Published { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
