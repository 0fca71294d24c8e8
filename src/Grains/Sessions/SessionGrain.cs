using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MindPeeker.Grains.Abstractions.Sessions;
using MindPeeker.Grains.AiProviders;
using MindPeeker.Grains.Analysis;
using MindPeeker.Runtime;
using Npgsql;

namespace MindPeeker.Grains.Sessions;

/// <summary>
/// One session: its state machine, progress and update sequence (docs/sessions.md). Its durable
/// state is its <c>sessions</c> row: an activation loads it on its first call, and every change is
/// one guarded write of that row with the update's event (and result) rows, then published.
/// </summary>
internal sealed partial class SessionGrain(
    NpgsqlDataSource dataSource,
    TimeProvider timeProvider,
    AnalysisRouter analysisRouter,
    IOptions<SessionWatchdogOptions> watchdogOptions,
    ILogger<SessionGrain> logger,
    Observability.SessionMetrics? metrics = null) : Grain, ISessionGrain
{
    private readonly SessionStore _store = new(dataSource);

    // What PostgreSQL has; replaced (never changed in place) once a write succeeded.
    private SessionState _state = new();

    // The state's load from PostgreSQL, started by the activation's first call; null until then or after it failed.
    private Task? _load;

    // The last durably written view, for reads that interleave with a change still being written.
    private SessionSnapshot? _visible;

    public async Task<CreateSessionResult> Create(CreateSession command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (_load is not null)
        {
            await EnsureLoadedAsync();
            return _state.Exists ? Existing(command) : await CreateAsync(command);
        }

        // A fresh activation: rather than first read a row that is almost never there, the create's
        // insert-if-absent finds out (and loads a row that is there).
        _load = Task.CompletedTask;
        try
        {
            return await CreateAsync(command);
        }
        catch
        {
            // Whether the row exists is unknown again: the next call loads it.
            _load = null;
            throw;
        }
    }

    private async Task<CreateSessionResult> CreateAsync(CreateSession command)
    {
        if (!AnalysisTypes.BySessionType.TryGetValue(command.SessionType, out var supported))
        {
            return await RefusedUnlessExistingAsync(command, CreateSessionResult.Refused("session_type", $"Unknown session type '{command.SessionType}'."));
        }

        var unsupported = command.Parameters.AnalysisTypes.Where(t => !supported.Contains(t, StringComparer.Ordinal)).ToArray();
        if (unsupported.Length > 0)
        {
            return await RefusedUnlessExistingAsync(command, CreateSessionResult.Refused(
                "parameters.analysis_types",
                $"Session type '{command.SessionType}' supports the analysis types {string.Join(", ", supported)}; not {string.Join(", ", unsupported)}."));
        }

        IReadOnlyList<string> analysisTypes = command.Parameters.AnalysisTypes.Count == 0 ? [.. supported] : [.. command.Parameters.AnalysisTypes];

        // The watchdog goes first: if this silo dies between the insert and the answer, the row is there and the
        // reminder brings it back on another silo. One for a session that never gets written removes itself.
        await EnsureWatchdogAsync();
        var created = await RecordAsync(SessionEvents.Created, s => !s.Exists, (s, now) =>
        {
            s.OwnerId = command.OwnerId;
            s.Cue = command.Cue;
            s.SessionType = command.SessionType;
            s.Parameters = command.Parameters with { AnalysisTypes = analysisTypes };
            s.Metadata = command.Metadata?.Clone();
            s.CreatedAt = now;
            return null;
        });
        if (!created)
        {
            return Existing(command);
        }

        EnsureWorkScheduled();
        return new CreateSessionResult(_visible, null);
    }

    public async Task<SessionSnapshot?> Get(SessionAccess access)
    {
        await EnsureLoadedAsync();
        return VisibleTo(access);
    }

    public async Task<SessionSnapshot?> UpdateMetadata(SessionAccess access, JsonElement metadata)
    {
        await EnsureLoadedAsync();
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
        await EnsureLoadedAsync();
        if (VisibleTo(access) is null)
        {
            return null;
        }

        await RecordCancellationAsync();
        return VisibleTo(access);
    }

    public async Task<bool> Delete(SessionAccess access)
    {
        await EnsureLoadedAsync();
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

    public async Task<bool> Resume()
    {
        await EnsureLoadedAsync();
        EnsureWorkScheduled();
        return _state.IsUnfinished;
    }

    /// <summary>The answer to creating a session that exists; a row found by a create's insert may still need its pipeline resumed.</summary>
    private CreateSessionResult Existing(CreateSession command)
    {
        EnsureWorkScheduled();
        return _state.OwnerId == command.OwnerId
            ? new CreateSessionResult(_visible, null)
            : throw new InvalidOperationException($"Session {Id} already exists for another user.");
    }

    /// <summary>Creating an existing session again returns it unchanged, even when the repeated command would be refused.</summary>
    private async Task<CreateSessionResult> RefusedUnlessExistingAsync(CreateSession command, CreateSessionResult refused)
    {
        await ReloadAsync();
        return _state.Exists ? Existing(command) : refused;
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
