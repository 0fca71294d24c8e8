namespace MindPeeker.Grains.Abstractions.DataLifecycle;

/// <summary>A row a mirror should delete: its id and when it was deleted (or revoked, for an API key), UTC.</summary>
public sealed record SyncTombstone(Guid Id, DateTimeOffset DeletedAt);
