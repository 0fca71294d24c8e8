namespace MindPeeker.Grains.Abstractions.Identity;

/// <summary>The subscription tiers (SPEC.md, "Authentication"); new users start on <see cref="Basic"/>.</summary>
public static class UserTiers
{
    public const string Basic = "basic";

    public const string Professional = "professional";

    public const string Enterprise = "enterprise";

    public static IReadOnlyList<string> All { get; } = [Basic, Professional, Enterprise];
}
