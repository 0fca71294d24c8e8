using System.Text.Json;
using MindPeeker.Runtime;

namespace MindPeeker.Grains.Abstractions.Sessions;

/// <summary>
/// One analysis session, keyed by its id. Owns the state machine (<see cref="SessionStatus"/>),
/// progress and the per-session update sequence; keeps the <c>sessions</c> read model, the
/// <c>analysis_results</c> and the <c>session_events</c> log in PostgreSQL up to date; runs the
/// analysis from a grain timer, so reads and cancellation are served while a model runs.
/// Every method but <see cref="Create"/> answers <c>null</c> (or <c>false</c>) for a session that
/// does not exist, was deleted, or that <see cref="SessionAccess"/> may not see.
/// </summary>
public interface ISessionGrain : IGrainWithGuidKey
{
    /// <summary>
    /// Creates the session (status <c>pending</c>) and starts its analysis. Empty analysis types mean
    /// every type the session type's model supports; a type it does not support refuses the request.
    /// Creating an existing session again returns it unchanged.
    /// </summary>
    Task<CreateSessionResult> Create(CreateSession command);

    [AlwaysInterleave]
    Task<SessionSnapshot?> Get(SessionAccess access);

    /// <summary>Replaces the session's metadata (a JSON object).</summary>
    Task<SessionSnapshot?> UpdateMetadata(SessionAccess access, JsonElement metadata);

    /// <summary>Cancels a session that is not final; a final session is returned unchanged.</summary>
    Task<SessionSnapshot?> Cancel(SessionAccess access);

    /// <summary>Cancels the session if it is still running, then deletes it: it is gone from the API.</summary>
    Task<bool> Delete(SessionAccess access);

    /// <summary>Activates the session so an unfinished one resumes its analysis (after a restart); true when it is unfinished.</summary>
    Task<bool> Resume();
}
