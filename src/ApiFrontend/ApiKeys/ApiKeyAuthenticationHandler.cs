using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MindPeeker.ApiFrontend.Security;
using MindPeeker.Grains.Abstractions.Identity;
using MindPeeker.Runtime;

namespace MindPeeker.ApiFrontend.ApiKeys;

/// <summary>
/// <c>X-API-Key: mpk_…</c>. Finds the key by prefix through its grain (which compares the secret's
/// hash in constant time and knows about revocation at once), then checks expiry and the IP
/// allowlist on every request. The principal carries the owner's id, tier and roles and the key's
/// own permissions; authorization needs both, so a key never exceeds its owner.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    IGrainFactory grains,
    TimeProvider time) : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(AuthenticationSchemes.ApiKeyHeader, out var header))
        {
            return AuthenticateResult.NoResult();
        }

        if (!ApiKeyFormat.TryParse(header.ToString(), out var prefix, out var secret)
            || await grains.GetGrain<IApiKeyGrain>(prefix).Authenticate(ApiKeyFormat.HashSecret(secret)) is not { } key)
        {
            return Reject(ApiKeyRejection.Invalid, "unknown or revoked");
        }

        if (key.ExpiresAt <= time.GetUtcNow())
        {
            return Reject(ApiKeyRejection.Expired, "expired");
        }

        if (key.IpWhitelist.Count > 0 && !IsAllowed(key.IpWhitelist, ClientAddress.Of(Context)))
        {
            SecurityLog.ApiKeyAddressRefused(Logger, key.Id, ClientAddress.Of(Context)?.ToString() ?? "unknown");
            return AuthenticateResult.Fail(ApiKeyRejection.AddressNotAllowed);
        }

        if (await grains.GetGrain<IUserGrain>(key.UserId).GetProfile() is not { } owner)
        {
            return Reject(ApiKeyRejection.Invalid, "owner gone");
        }

        return AuthenticateResult.Success(new AuthenticationTicket(Principal(key, owner), Scheme.Name));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var rejection = (await HandleAuthenticateOnceSafeAsync()).Failure as ApiKeyRejection ?? ApiKeyRejection.Invalid;
        if (rejection.Status == StatusCodes.Status401Unauthorized)
        {
            Response.Headers.WWWAuthenticate = "ApiKey";
        }

        await SecurityProblems.WriteAsync(
            Context, rejection.Status, rejection.Status == StatusCodes.Status403Forbidden ? "Forbidden" : "Unauthorized", rejection.Message);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        SecurityProblems.WriteAsync(
            Context, StatusCodes.Status403Forbidden, SecurityProblems.InsufficientPermissions, "This API key does not allow this action.").AsTask();

    private AuthenticateResult Reject(ApiKeyRejection rejection, string reason)
    {
        SecurityLog.ApiKeyRejected(Logger, reason);
        return AuthenticateResult.Fail(rejection);
    }

    private static bool IsAllowed(IReadOnlyList<string> allowlist, System.Net.IPAddress? address) =>
        allowlist.Any(entry => CidrRange.TryParse(entry, out var range) && range.Contains(address));

    private ClaimsPrincipal Principal(ApiKeyView key, UserProfile owner)
    {
        var claims = new List<Claim>
        {
            new(MindPeekerClaims.Subject, owner.Id.ToString()),
            new(MindPeekerClaims.Tier, owner.Tier),
            new(MindPeekerClaims.ApiKeyId, key.Id.ToString()),
        };
        claims.AddRange(owner.Roles.Select(role => new Claim(MindPeekerClaims.Role, role)));
        claims.AddRange(PermissionSet.ToClaims(key.Permissions));
        if (key.RateLimitPerMinute is { } limit)
        {
            claims.Add(new Claim(MindPeekerClaims.RateLimitPerMinute, limit.ToString(CultureInfo.InvariantCulture)));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme.Name, MindPeekerClaims.Subject, MindPeekerClaims.Role));
    }
}
