namespace MindPeeker.ApiFrontend.Http.Lists;

/// <summary>A page of a list (API.md, "Lists").</summary>
internal sealed record ListResponse<T>(IReadOnlyList<T> Items, bool HasMore, string? NextCursor);
