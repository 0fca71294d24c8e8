namespace MindPeeker.Grains.Abstractions.Identity;

/// <summary>The result of <see cref="IRefreshTokenFamilyGrain.Rotate"/>; <see cref="Token"/> is set only when rotated.</summary>
public sealed record RefreshOutcome(RefreshStatus Status, Guid? UserId, string? Token);
