using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using MindPeeker.ApiFrontend.Security;

namespace MindPeeker.ApiFrontend.OpenApi;

/// <summary>
/// What an endpoint's authorization metadata asks of the caller: nothing (anonymous), any authenticated
/// caller, or permissions (<c>resource:action</c>, from <see cref="PermissionEndpointExtensions.RequirePermission"/>).
/// </summary>
internal sealed record EndpointAccess(bool RequiresAuthentication, IReadOnlyList<string> Permissions)
{
    public static EndpointAccess Of(ApiDescription description)
    {
        var metadata = description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IAllowAnonymous>().Any())
        {
            return new EndpointAccess(false, []);
        }

        var policies = metadata.OfType<AuthorizationPolicy>().ToList();
        var permissions = policies
            .SelectMany(policy => policy.Requirements.OfType<PermissionRequirement>())
            .Select(requirement => $"{requirement.Resource}:{requirement.Action}")
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var authenticated = policies.Count > 0 || metadata.OfType<IAuthorizeData>().Any();
        return new EndpointAccess(authenticated, permissions);
    }
}
