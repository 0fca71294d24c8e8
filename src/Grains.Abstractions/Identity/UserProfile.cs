namespace MindPeeker.Grains.Abstractions.Identity;

/// <summary>A user as the API shows it (API.md, <c>GET /v1/users/me</c>); never carries the password hash.</summary>
public sealed record UserProfile(
    Guid Id,
    string Email,
    string Username,
    string Tier,
    IReadOnlyList<string> Roles,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
