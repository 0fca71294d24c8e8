using System.Security.Claims;
using System.Text.Json;
using MindPeeker.Grains.Abstractions.Identity;

namespace MindPeeker.ApiFrontend.Security;

/// <summary>A set of grants (a role's, or a credential's) that answers "may this request do that?". Immutable.</summary>
internal sealed class PermissionSet(IReadOnlyList<PermissionGrant> grants)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public IReadOnlyList<PermissionGrant> Grants { get; } = grants;

    /// <summary>The grants a principal's credential carries: its <c>permissions</c> claims and conditional ones.</summary>
    public static PermissionSet FromClaims(ClaimsPrincipal principal)
    {
        var grants = new List<PermissionGrant>();
        foreach (var claim in principal.FindAll(MindPeekerClaims.Permission))
        {
            var colon = claim.Value.LastIndexOf(':');
            if (colon > 0 && colon < claim.Value.Length - 1)
            {
                grants.Add(new PermissionGrant(claim.Value[..colon], [claim.Value[(colon + 1)..]]));
            }
        }

        foreach (var claim in principal.FindAll(MindPeekerClaims.ConditionalPermission))
        {
            if (JsonSerializer.Deserialize<PermissionGrant>(claim.Value, Json) is { } grant)
            {
                grants.Add(grant);
            }
        }

        return new PermissionSet(grants);
    }

    /// <summary>Claims for <see cref="FromClaims"/>: one <c>resource:action</c> per unconditional action, JSON for the rest.</summary>
    public static IEnumerable<Claim> ToClaims(IEnumerable<PermissionGrant> grants) =>
        grants.SelectMany(g => g.Conditions is { Count: > 0 }
            ? [new Claim(MindPeekerClaims.ConditionalPermission, JsonSerializer.Serialize(g, Json))]
            : g.Actions.Select(a => new Claim(MindPeekerClaims.Permission, $"{g.Resource}:{a}")));

    public bool Allows(string resource, string action, IReadOnlyDictionary<string, object?> context) =>
        Grants.Any(g => ResourcePattern.Matches(g.Resource, resource)
            && ResourcePattern.ActionMatches(g.Actions, action)
            && ConditionEvaluator.All(g.Conditions, context));

    /// <summary>Whether the unconditional grants alone allow <paramref name="action"/> on everything <paramref name="resourcePattern"/> names.</summary>
    public bool Covers(string resourcePattern, string action) =>
        Grants.Any(g => g.Conditions is not { Count: > 0 }
            && ResourcePattern.Covers(g.Resource, resourcePattern)
            && ResourcePattern.ActionMatches(g.Actions, action)
            && (action != Permissions.Any || g.Actions.Contains(Permissions.Any)));
}
