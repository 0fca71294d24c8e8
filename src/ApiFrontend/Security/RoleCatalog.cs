using System.Security.Claims;
using MindPeeker.Grains.Abstractions.Identity;

namespace MindPeeker.ApiFrontend.Security;

/// <summary>
/// What each role may do. <c>user</c>: every action on sessions, analyses, api-keys, webhooks and
/// integrations; <c>admin</c>: <c>*</c> on <c>*</c>. Role grants may carry conditions; they are
/// evaluated on every request, so a credential never exceeds its owner's current roles.
/// </summary>
internal sealed class RoleCatalog
{
    private readonly Dictionary<string, PermissionSet> _roles = new(StringComparer.Ordinal)
    {
        [UserRoles.User] = new PermissionSet(
        [
            new PermissionGrant(Permissions.Sessions, [Permissions.Any]),
            new PermissionGrant(Permissions.Analyses, [Permissions.Any]),
            new PermissionGrant(Permissions.ApiKeys, [Permissions.Any]),
            new PermissionGrant(Permissions.Webhooks, [Permissions.Any]),
            new PermissionGrant(Permissions.Integrations, [Permissions.Any]),
        ]),
        [UserRoles.Admin] = new PermissionSet([new PermissionGrant(Permissions.Any, [Permissions.Any])]),
    };

    public PermissionSet For(IEnumerable<string> roles) =>
        new([.. roles.Distinct().SelectMany(r => _roles.TryGetValue(r, out var set) ? set.Grants : [])]);

    public PermissionSet For(ClaimsPrincipal principal) => For(principal.FindAll(MindPeekerClaims.Role).Select(c => c.Value));
}
