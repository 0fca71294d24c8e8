namespace MindPeeker.Grains.Abstractions.Sessions;

/// <summary>A page of sessions; <paramref name="NextCursor"/> (the last item's id) is set when <paramref name="HasMore"/>.</summary>
public sealed record SessionPage(IReadOnlyList<SessionSnapshot> Items, bool HasMore, Guid? NextCursor);
