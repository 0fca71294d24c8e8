namespace MindPeeker.ApiFrontend.Sessions;

/// <summary>An unpaged list: <c>{items: [...]}</c> (a session's results and events).</summary>
internal sealed record ItemsResponse<T>(IReadOnlyList<T> Items);
