using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace MindPeeker.ApiFrontend.Security;

/// <summary>
/// Allows a request when both its credential (the token's or key's grants) and its owner's roles
/// allow the endpoint's resource and action, conditions included. This is what keeps an API key
/// within its owner's rights at request time.
/// </summary>
internal sealed class PermissionAuthorizationHandler(RoleCatalog roles) : AuthorizationHandler<PermissionRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated == true)
        {
            var access = AccessContext.From(context.Resource as HttpContext, user);
            if (PermissionSet.FromClaims(user).Allows(requirement.Resource, requirement.Action, access)
                && roles.For(user).Allows(requirement.Resource, requirement.Action, access))
            {
                context.Succeed(requirement);
            }
        }

        return Task.CompletedTask;
    }
}
