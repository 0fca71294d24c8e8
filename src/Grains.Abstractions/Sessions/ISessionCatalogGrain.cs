using MindPeeker.Runtime;

namespace MindPeeker.Grains.Abstractions.Sessions;

/// <summary>
/// Reads the sessions read model, results and event log in PostgreSQL. A stateless worker: call it
/// with key 0. It does no access checks: callers ask the <see cref="ISessionGrain"/> first.
/// </summary>
public interface ISessionCatalogGrain : IGrainWithIntegerKey
{
    /// <summary>A page of the owner's sessions; <c>null</c> when <see cref="SessionListQuery.StartingAfter"/> names none of the owner's sessions.</summary>
    Task<SessionPage?> List(SessionListQuery query);

    /// <summary>The session's results in the order they were produced.</summary>
    Task<IReadOnlyList<SessionResult>> Results(Guid sessionId);

    /// <summary>The session's updates with a sequence above <paramref name="startingAfter"/>, in order, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<SessionUpdate>> Events(Guid sessionId, long startingAfter, int limit);
}
