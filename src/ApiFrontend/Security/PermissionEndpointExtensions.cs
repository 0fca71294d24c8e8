using Microsoft.AspNetCore.Builder;

namespace MindPeeker.ApiFrontend.Security;

/// <summary>Per-endpoint authorization: a resource and an action (API.md, "API keys").</summary>
public static class PermissionEndpointExtensions
{
    /// <summary>
    /// Requires a caller authenticated by JWT or API key whose credential and roles allow
    /// <paramref name="action"/> on <paramref name="resource"/> (see <see cref="Permissions"/>).
    /// Without credentials: 401 problem+json; with a credential lacking the permission: 403
    /// problem+json "Insufficient permissions".
    /// </summary>
    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, string resource, string action)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(resource);
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        return builder.RequireAuthorization(policy => policy
            .AddAuthenticationSchemes(AuthenticationSchemes.BearerOrApiKey)
            .RequireAuthenticatedUser()
            .AddRequirements(new PermissionRequirement(resource, action)));
    }

    /// <summary>Requires any caller authenticated by JWT or API key (401 problem+json otherwise).</summary>
    public static TBuilder RequireAuthenticatedCaller<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(policy => policy.AddAuthenticationSchemes(AuthenticationSchemes.BearerOrApiKey).RequireAuthenticatedUser());
}
