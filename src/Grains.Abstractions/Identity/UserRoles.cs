namespace MindPeeker.Grains.Abstractions.Identity;

/// <summary>Built-in roles: every user has <see cref="User"/>; <see cref="Admin"/> may do everything.</summary>
public static class UserRoles
{
    public const string User = "user";

    public const string Admin = "admin";
}
