using MindPeeker.Grains.Abstractions.Identity;

namespace MindPeeker.ApiFrontend.Identity;

/// <summary>A user as API.md shows it.</summary>
internal sealed record UserResponse(Guid Id, string Email, string Username, string Tier, IReadOnlyList<string> Roles, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static UserResponse From(UserProfile user) =>
        new(user.Id, user.Email, user.Username, user.Tier, user.Roles, user.CreatedAt, user.UpdatedAt);
}
