using System.Text.Json;
using Microsoft.Extensions.Logging;
using MindPeeker.Grains.Abstractions.Sessions;
using MindPeeker.Grains.Analysis;
using MindPeeker.Runtime;
using Npgsql;

namespace MindPeeker.Grains.Sessions;

/// <summary>
/// One session: its state machine, progress and update sequence (docs/sessions.md). Every change
/// is first written to grain state together with its update (the outbox), then projected into
/// PostgreSQL and published; an activation replays an outbox that did not reach PostgreSQL.
/// </summary>
internal sealed partial class SessionGrain(
    [PersistentState("session")] IPersistentState<SessionState> state,
    NpgsqlDataSource dataSource,
    TimeProvider timeProvider,
    ILogger<SessionGrain> logger) : Grain, ISessionGrain
{
    private readonly SessionProjection _projection = new(dataSource);

    // The last durably written view, for reads that interleave with a change still being written.
    private SessionSnapshot? _visible;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!state.State.Exists)
        {
            return;
        }

        _visible = VisibleSnapshot();
        _activating = true;
        try
        {
            var pending = state.State.Outbox.Count;
            if (pending > 0 && await DeliverAsync())
            {
                SessionLog.OutboxReplayed(logger, Id, pending);
            }
        }
        finally
        {
            _activating = false;
        }

        if (state.State.IsUnfinished || state.State.Outbox.Count > 0)
        {
            // The work timer starts from a call to this grain, which waits in the queue until the
            // activation (and the outbox replay above) has finished.
            _ = ResumeAfterActivationAsync();
        }
    }

    public async Task<CreateSessionResult> Create(CreateSession command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (state.State.Exists)
        {
            return state.State.OwnerId == command.OwnerId
                ? new CreateSessionResult(_visible, null)
                : throw new InvalidOperationException($"Session {Id} already exists for another user.");
        }

        if (!AnalysisTypes.BySessionType.TryGetValue(command.SessionType, out var supported))
        {
            return CreateSessionResult.Refused("session_type", $"Unknown session type '{command.SessionType}'.");
        }

        var unsupported = command.Parameters.AnalysisTypes.Where(t => !supported.Contains(t, StringComparer.Ordinal)).ToArray();
        if (unsupported.Length > 0)
        {
            return CreateSessionResult.Refused(
                "parameters.analysis_types",
                $"Session type '{command.SessionType}' supports the analysis types {string.Join(", ", supported)}; not {string.Join(", ", unsupported)}.");
        }

        IReadOnlyList<string> analysisTypes = command.Parameters.AnalysisTypes.Count == 0 ? [.. supported] : [.. command.Parameters.AnalysisTypes];
        await RecordAsync(SessionEvents.Created, s => !s.Exists, (s, now) =>
        {
            s.OwnerId = command.OwnerId;
            s.Cue = command.Cue;
            s.SessionType = command.SessionType;
            s.Parameters = command.Parameters with { AnalysisTypes = analysisTypes };
            s.Metadata = command.Metadata?.Clone();
            s.CreatedAt = now;
            return null;
        });
        EnsureWorkScheduled();
        return new CreateSessionResult(_visible, null);
    }

    public Task<SessionSnapshot?> Get(SessionAccess access) => Task.FromResult(VisibleTo(access));

    public async Task<SessionSnapshot?> UpdateMetadata(SessionAccess access, JsonElement metadata)
    {
        if (VisibleTo(access) is null)
        {
            return null;
        }

        var copy = metadata.Clone();
        await RecordAsync(SessionEvents.Updated, s => s.DeletedAt is null, (s, _) =>
        {
            s.Metadata = copy;
            return null;
        });
        return VisibleTo(access);
    }

    public async Task<SessionSnapshot?> Cancel(SessionAccess access)
    {
        if (VisibleTo(access) is null)
        {
            return null;
        }

        await RecordCancellationAsync();
        return VisibleTo(access);
    }

    public async Task<bool> Delete(SessionAccess access)
    {
        if (VisibleTo(access) is null)
        {
            return false;
        }

        await RecordCancellationAsync();
        await RecordAsync(SessionEvents.Deleted, s => s.DeletedAt is null, (s, now) =>
        {
            s.DeletedAt = now;
            return null;
        });
        EnsureWorkScheduled();
        return true;
    }

    public Task<bool> Resume()
    {
        EnsureWorkScheduled();
        return Task.FromResult(state.State.IsUnfinished);
    }

    private async Task ResumeAfterActivationAsync()
    {
        try
        {
            await GrainFactory.GetGrain<ISessionGrain>(Id).Resume();
        }
        catch (Exception exception)
        {
            SessionLog.ResumeFailed(logger, exception, Id);
        }
    }

    private async Task RecordCancellationAsync()
    {
        await RecordAsync(SessionEvents.Cancelled, s => s.IsUnfinished, (s, now) =>
        {
            s.Status = SessionStatus.Cancelled;
            s.CompletedAt = now;
            return null;
        });
        EnsureWorkScheduled();
    }

    private SessionSnapshot? VisibleTo(SessionAccess access) =>
        _visible is { } visible && access is not null && access.CanSee(visible.UserId) ? visible : null;
}
