using MindPeeker.Grains.Abstractions.Sessions;
using MindPeeker.Runtime;

namespace MindPeeker.Grains.Sessions;

/// <summary>
/// Loading the session from its row, and recording changes: one guarded write to PostgreSQL (with the update's webhook
/// events in the same statement), then the webhook endpoints' wake-up and the notifier.
/// </summary>
internal sealed partial class SessionGrain
{
    // A write that finds its row elsewhere (another activation wrote it) reloads and tries again this often.
    private const int MaxConflictAttempts = 3;

    // Pipeline ticks interleave with calls at awaits; this keeps one change (and its write) at a time.
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Guid? _id;

    private Guid Id => _id ??= this.GetPrimaryKey();

    /// <summary>Loads the session from its row once per activation; a failed load is tried again by the next call.</summary>
    private async Task EnsureLoadedAsync()
    {
        var load = _load ??= LoadAsync();
        try
        {
            await load;
        }
        catch
        {
            if (ReferenceEquals(_load, load))
            {
                _load = null;
            }

            throw;
        }
    }

    private async Task LoadAsync()
    {
        await ReloadAsync();

        // An unfinished session resumes its pipeline whichever call activated it.
        EnsureWorkScheduled();
    }

    /// <summary>Replaces the state with the row's; no row means no session. Callers hold the gate, or no change can be running.</summary>
    private async Task ReloadAsync()
    {
        _state = await _store.LoadAsync(Id) ?? new SessionState();
        _visible = VisibleSnapshot();
    }

    /// <summary>
    /// Applies <paramref name="change"/> when <paramref name="guard"/> holds, as the next update named
    /// <paramref name="event"/>; <paramref name="change"/> may return the result the update carries.
    /// Returns false when the guard refused. Throws when PostgreSQL refused the write: then nothing
    /// was recorded, and the state is as before.
    /// </summary>
    private async Task<bool> RecordAsync(string @event, Func<SessionState, bool> guard, Func<SessionState, DateTimeOffset, SessionResult?> change)
    {
        await _gate.WaitAsync();
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var current = _state;
                if (current.Exists == (@event == SessionEvents.Created) || !guard(current))
                {
                    return false;
                }

                var now = Now();
                var next = current.Copy();
                var result = change(next, now);
                next.LastSequence++;
                next.UpdatedAt = now;
                var update = new SessionUpdate(
                    Id, next.OwnerId, next.LastSequence, @event, next.Status, next.Progress, next.ResultCount, next.Error, now);
                var written = await _store.WriteAsync(next, update, result, current.LastSequence, WebhookEventsOf(update, next.SessionType));
                if (written.Written)
                {
                    _state = next;
                    _visible = VisibleSnapshot();
                    metrics?.Recorded(@event, next.SessionType, next.Status, current.IsUnfinished && !next.IsUnfinished && next.DeletedAt is null);
                    if (next.Status != current.Status || next.LastSequence == 1)
                    {
                        SessionLog.StatusChanged(logger, Id, next.Status, next.LastSequence);
                    }

                    WakeWebhookEndpoints(written.EndpointsToWake);
                    await PublishAsync(update);
                    return true;
                }

                if (attempt == MaxConflictAttempts)
                {
                    throw new InvalidOperationException(
                        $"Session {Id}: its row kept changing under update {update.Sequence} ({@event}); the change was not recorded.");
                }

                // A create that finds the row learns that the session exists: the guard then answers.
                if (@event != SessionEvents.Created)
                {
                    SessionLog.WriteConflict(logger, Id, update.Sequence, @event);
                }

                await ReloadAsync();
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task PublishAsync(SessionUpdate update)
    {
        try
        {
            await GrainFactory.GetGrain<ISessionUpdateNotifierGrain>(0).Publish(update);
        }
        catch (Exception exception)
        {
            SessionLog.PublishFailed(logger, exception, Id, update.Sequence);
        }
    }

    private SessionSnapshot? VisibleSnapshot()
    {
        var s = _state;
        return !s.Exists || s.DeletedAt is not null
            ? null
            : new SessionSnapshot(
                Id, s.OwnerId, s.Cue, s.SessionType, s.Status, s.Progress, s.Parameters, s.Metadata,
                s.CreatedAt, s.UpdatedAt, s.StartedAt, s.CompletedAt, s.Error, s.ResultCount, s.LastSequence);
    }

    /// <summary>Now, truncated to the microsecond, as PostgreSQL keeps it, so the grain and the read model agree.</summary>
    private DateTimeOffset Now()
    {
        var now = timeProvider.GetUtcNow();
        return new DateTimeOffset(now.UtcTicks - (now.UtcTicks % 10), TimeSpan.Zero);
    }
}
