namespace MindPeeker.ApiFrontend.DataLifecycle;

/// <summary>A tombstone in a sync page: the id a mirror should delete and when it was deleted (or revoked).</summary>
internal sealed record DeletedItemResponse(Guid Id, DateTimeOffset DeletedAt);
