using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using MindPeeker.ApiFrontend.Security;

namespace MindPeeker.ApiFrontend.Identity.Tokens;

/// <summary>
/// Validates access tokens strictly: RS256 only (so <c>alg: none</c> and HS256 signed with a public
/// key are refused), a known <c>kid</c>, issuer, audience, and lifetime on the injected clock with a
/// small skew. Thread-safe.
/// </summary>
internal sealed class AccessTokenValidator(SigningKeyCache keys, IOptions<IdentityOptions> options, TimeProvider time)
{
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    /// <summary>The principal, or the reason the token was refused (safe to log: no token content).</summary>
    public async Task<(ClaimsPrincipal? Principal, string? Failure)> ValidateAsync(string token)
    {
        if (!_handler.CanReadToken(token))
        {
            return (null, "malformed");
        }

        string keyId;
        try
        {
            keyId = _handler.ReadJsonWebToken(token).Kid;
        }
        catch (ArgumentException)
        {
            return (null, "malformed");
        }

        var snapshot = await keys.GetAsync(string.IsNullOrEmpty(keyId) ? null : keyId);
        var result = await _handler.ValidateTokenAsync(token, Parameters(snapshot));
        if (!result.IsValid)
        {
            return (null, result.Exception?.GetType().Name ?? "invalid");
        }

        return (new ClaimsPrincipal(result.ClaimsIdentity), null);
    }

    private TokenValidationParameters Parameters(SigningKeySnapshot snapshot) => new()
    {
        ValidIssuer = options.Value.Issuer,
        ValidAudience = options.Value.Audience,
        ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
        ValidTypes = ["JWT"],
        IssuerSigningKeys = snapshot.VerificationKeys,
        TryAllIssuerSigningKeys = false,
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        RequireAudience = true,
        ValidateIssuer = true,
        ValidateAudience = true,
        ValidateLifetime = true,
        ClockSkew = options.Value.ClockSkew,
        LifetimeValidator = IsWithinLifetime,
        AuthenticationType = AuthenticationSchemes.Bearer,
        NameClaimType = MindPeekerClaims.Subject,
        RoleClaimType = MindPeekerClaims.Role,
    };

    // The library's own check reads the system clock; this one reads the injected TimeProvider.
    private bool IsWithinLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var skew = options.Value.ClockSkew;
        return expires is { } end
            && end.ToUniversalTime() > now - skew
            && (notBefore is not { } start || start.ToUniversalTime() <= now + skew);
    }
}
