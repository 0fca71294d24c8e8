namespace MindPeeker.Grains.Abstractions.Sessions;

/// <summary>
/// Who asks: a session is visible to its owner and to admins only; to anyone else it does not
/// exist (the API answers 404, never 403).
/// </summary>
public sealed record SessionAccess(Guid UserId, bool IsAdmin)
{
    public bool CanSee(Guid ownerId) => IsAdmin || ownerId == UserId;
}
