namespace MindPeeker.ApiFrontend.Identity;

/// <summary>
/// <c>Identity</c>: token issuing and validation, admin bootstrap, the request body limit.
/// Defaults follow API.md (issuer, audience, 15-minute access tokens).
/// </summary>
public sealed class IdentityOptions
{
    public const string Section = "Identity";

    public string Issuer { get; set; } = "mindpeeker-auth";

    public string Audience { get; set; } = "mindpeeker-api";

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long an unused refresh token stays valid. Default 30 days.</summary>
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Tolerated clock difference when checking <c>exp</c>/<c>nbf</c>. Default 30 s.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Emails that get the <c>admin</c> role when they register (case-insensitive).</summary>
    public List<string> AdminEmails { get; set; } = [];

    /// <summary>Largest accepted request body. Default 1 MiB.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;
}
