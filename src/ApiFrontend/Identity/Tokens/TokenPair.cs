using Microsoft.Extensions.Options;
using MindPeeker.Grains.Abstractions.Identity;
using MindPeeker.Runtime;

namespace MindPeeker.ApiFrontend.Identity.Tokens;

/// <summary>Starts a login: a fresh refresh-token family and an access token.</summary>
internal sealed class TokenPair(AccessTokenIssuer issuer, IGrainFactory grains, IOptions<IdentityOptions> options)
{
    public async Task<AuthResponse> IssueAsync(UserProfile user)
    {
        var refresh = await grains.GetGrain<IRefreshTokenFamilyGrain>(Guid.NewGuid()).Start(user.Id, options.Value.RefreshTokenLifetime);
        var access = await issuer.IssueAsync(user);
        return new AuthResponse(UserResponse.From(user), access, refresh, (int)issuer.Lifetime.TotalSeconds);
    }
}
