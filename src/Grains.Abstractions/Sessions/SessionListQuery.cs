namespace MindPeeker.Grains.Abstractions.Sessions;

/// <summary>
/// One page of an owner's sessions, newest first: at most <paramref name="Limit"/> (1–100) after the
/// session <paramref name="StartingAfter"/>, optionally only those updated at or after
/// <paramref name="UpdatedSince"/> and only those in <paramref name="Status"/>.
/// </summary>
public sealed record SessionListQuery(Guid OwnerId, int Limit, Guid? StartingAfter, DateTimeOffset? UpdatedSince, string? Status);
