using MindPeeker.Grains.Abstractions.Sessions;
using MindPeeker.Runtime;

namespace MindPeeker.Grains.Sessions;

/// <summary>Recording changes: grain state with the outbox first, then PostgreSQL, then the notifier.</summary>
internal sealed partial class SessionGrain
{
    // Pipeline ticks interleave with calls at awaits; this keeps one change (and its writes) at a time.
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Guid? _id;
    private bool _stateUnreliable;

    private Guid Id => _id ??= this.GetPrimaryKey();

    /// <summary>
    /// Applies <paramref name="change"/> when <paramref name="guard"/> holds, as the next update named
    /// <paramref name="event"/>; <paramref name="change"/> may return the result the update carries.
    /// Returns false when the guard refused. Throws when grain state cannot be written.
    /// </summary>
    private async Task<bool> RecordAsync(string @event, Func<SessionState, bool> guard, Func<SessionState, DateTimeOffset, SessionResult?> change)
    {
        await _gate.WaitAsync();
        try
        {
            if (_stateUnreliable)
            {
                throw new InvalidOperationException($"Session {Id} is reloading its state after a failed write; try again.");
            }

            var session = state.State;
            if (!guard(session))
            {
                return false;
            }

            var now = Now();
            var previousStatus = session.Status;
            var result = change(session, now);
            session.LastSequence++;
            session.UpdatedAt = now;
            var update = new SessionUpdate(
                Id, session.OwnerId, session.LastSequence, @event, session.Status, session.Progress, session.ResultCount, session.Error, now);
            session.Outbox.Add(new SessionOutboxEntry(update, result));
            await WriteStateAsync();
            _visible = VisibleSnapshot();
            if (session.Status != previousStatus || session.LastSequence == 1)
            {
                SessionLog.StatusChanged(logger, Id, session.Status, session.LastSequence);
            }

            await DeliverLockedAsync();
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Projects the outbox into PostgreSQL; false when that failed (a retry is scheduled).</summary>
    private async Task<bool> DeliverAsync()
    {
        await _gate.WaitAsync();
        try
        {
            return !_stateUnreliable && await DeliverLockedAsync();
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<bool> DeliverLockedAsync()
    {
        var session = state.State;
        if (session.Outbox.Count == 0)
        {
            return true;
        }

        IReadOnlyList<SessionUpdate> fresh;
        try
        {
            fresh = await _projection.WriteAsync(Id, session);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var retryIn = NextRetryDelay();
            SessionLog.ProjectionFailed(logger, exception, Id, session.Outbox.Count, retryIn);
            ScheduleWork(retryIn);
            return false;
        }

        // The cleared outbox is written with the next change; a final session has none, so it is written now.
        session.Outbox.Clear();
        ScheduleWork(SessionPipeline.StagePeriod);
        if (!session.IsUnfinished)
        {
            await WriteStateAsync();
        }

        foreach (var update in fresh)
        {
            await PublishAsync(update);
        }

        return true;
    }

    private async Task WriteStateAsync()
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch (Exception exception)
        {
            // Memory is now ahead of storage: serve no more changes and let the next activation reload.
            _stateUnreliable = true;
            SessionLog.StateWriteFailed(logger, exception, Id);
            DeactivateOnIdle();
            throw;
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
        var s = state.State;
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
