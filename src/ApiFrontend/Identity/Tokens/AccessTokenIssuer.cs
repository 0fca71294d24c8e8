using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using MindPeeker.ApiFrontend.Security;
using MindPeeker.Grains.Abstractions.Identity;

namespace MindPeeker.ApiFrontend.Identity.Tokens;

/// <summary>
/// Signs RS256 access tokens with the ring's active key (<c>kid</c> in the header): <c>iss</c>,
/// <c>aud</c>, <c>sub</c>, <c>iat</c>, <c>nbf</c>, <c>exp</c>, <c>jti</c>, <c>tier</c>, <c>role</c> and
/// <c>permissions</c> (the roles' unconditional grants as <c>resource:action</c>). Thread-safe.
/// </summary>
internal sealed class AccessTokenIssuer(SigningKeyCache keys, RoleCatalog roles, IOptions<IdentityOptions> options, TimeProvider time)
{
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    public TimeSpan Lifetime => options.Value.AccessTokenLifetime;

    public async Task<string> IssueAsync(UserProfile user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var snapshot = await keys.GetAsync();
        var now = time.GetUtcNow();
        var permissions = roles.For(user.Roles).Grants
            .Where(g => g.Conditions is not { Count: > 0 })
            .SelectMany(g => g.Actions.Select(a => $"{g.Resource}:{a}"))
            .ToArray();
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Value.Issuer,
            Audience = options.Value.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + Lifetime).UtcDateTime,
            SigningCredentials = snapshot.Signing,
            Claims = new Dictionary<string, object>
            {
                [MindPeekerClaims.Subject] = user.Id.ToString(),
                [JwtRegisteredClaimNames.Jti] = Guid.NewGuid().ToString("N"),
                [MindPeekerClaims.Tier] = user.Tier,
                [MindPeekerClaims.Role] = user.Roles.ToArray(),
                [MindPeekerClaims.Permission] = permissions,
            },
        });
    }
}
