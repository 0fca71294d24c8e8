namespace MindPeeker.ApiFrontend.DataLifecycle;

/// <summary>An unpaged list: <c>{"items": [...]}</c>.</summary>
internal sealed record ItemsEnvelope<T>(IReadOnlyList<T> Items);
