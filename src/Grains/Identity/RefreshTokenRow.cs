namespace MindPeeker.Grains.Identity;

/// <summary>One stored refresh token.</summary>
internal sealed record RefreshTokenRow(Guid Id, Guid UserId, DateTimeOffset ExpiresAt, DateTimeOffset? SpentAt, DateTimeOffset? RevokedAt);
