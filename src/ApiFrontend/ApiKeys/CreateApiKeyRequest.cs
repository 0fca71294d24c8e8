using System.Text.Json;
using MindPeeker.ApiFrontend.Http.Validation;
using MindPeeker.ApiFrontend.Security;
using MindPeeker.Grains.Abstractions.Identity;

namespace MindPeeker.ApiFrontend.ApiKeys;

/// <summary><c>POST /v1/api-keys</c> (API.md): name, permissions, optional per-minute limit, IP allowlist (CIDR) and expiry.</summary>
internal sealed record CreateApiKeyRequest(
    string? Name,
    IReadOnlyList<PermissionGrant?>? Permissions,
    int? RateLimitPerMinute,
    IReadOnlyList<string?>? IpWhitelist,
    DateTimeOffset? ExpiresAt) : IValidatableRequest
{
    public const int MaxPermissions = 50;
    public const int MaxAllowlistEntries = 100;
    public const int MaxRateLimitPerMinute = 1_000_000;

    public Dictionary<string, string[]> Validate(TimeProvider time)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Name) || Name.Trim().Length > 100)
        {
            errors.AddError("name", "A name of 1 to 100 characters is required.");
        }

        if (Permissions is not { Count: > 0 and <= MaxPermissions })
        {
            errors.AddError("permissions", $"Between 1 and {MaxPermissions} permissions are required.");
        }
        else
        {
            for (var i = 0; i < Permissions.Count; i++)
            {
                ValidatePermission(errors, $"permissions[{i}]", Permissions[i]);
            }
        }

        if (RateLimitPerMinute is < 1 or > MaxRateLimitPerMinute)
        {
            errors.AddError("rate_limit_per_minute", $"Must be between 1 and {MaxRateLimitPerMinute}.");
        }

        if (IpWhitelist is { Count: > MaxAllowlistEntries })
        {
            errors.AddError("ip_whitelist", $"At most {MaxAllowlistEntries} entries.");
        }

        for (var i = 0; i < (IpWhitelist?.Count ?? 0); i++)
        {
            if (!CidrRange.TryParse(IpWhitelist![i], out _))
            {
                errors.AddError($"ip_whitelist[{i}]", $"'{IpWhitelist[i]}' is not an IPv4 or IPv6 address or CIDR block.");
            }
        }

        if (ExpiresAt is { } expiresAt && expiresAt <= time.GetUtcNow())
        {
            errors.AddError("expires_at", "Must be in the future.");
        }

        return errors;
    }

    /// <summary>The request as the grain stores it; call only after <see cref="Validate"/> passed.</summary>
    public ApiKeyRequest ToGrainRequest() => new(
        Name!.Trim(),
        [.. Permissions!.Select(p => p! with { Actions = [.. p.Actions.Distinct()], Conditions = p.Conditions is { Count: > 0 } ? p.Conditions : null })],
        RateLimitPerMinute,
        [.. (IpWhitelist ?? []).Select(entry => { CidrRange.TryParse(entry, out var range); return range.ToString(); })],
        ExpiresAt);

    private static void ValidatePermission(Dictionary<string, string[]> errors, string field, PermissionGrant? grant)
    {
        if (grant is null)
        {
            errors.AddError(field, "A permission {resource, actions} is required.");
            return;
        }

        if (string.IsNullOrWhiteSpace(grant.Resource) || !ResourcePattern.IsValid(grant.Resource))
        {
            errors.AddError($"{field}.resource", $"Must be '*', one of {string.Join(", ", Security.Permissions.Resources)}, or such a resource followed by '.*'.");
        }

        if (grant.Actions is not { Count: > 0 } || grant.Actions.Any(a => !Security.Permissions.Actions.Contains(a)))
        {
            errors.AddError($"{field}.actions", $"One or more of {string.Join(", ", Security.Permissions.Actions)}.");
        }

        for (var i = 0; i < (grant.Conditions?.Count ?? 0); i++)
        {
            var condition = grant.Conditions![i];
            if (condition is null || string.IsNullOrWhiteSpace(condition.Field) || !ConditionEvaluator.Operators.Contains(condition.Operator)
                || condition.Value.ValueKind == JsonValueKind.Undefined
                || (condition.Operator is "in" or "not_in") != (condition.Value.ValueKind == JsonValueKind.Array))
            {
                errors.AddError(
                    $"{field}.conditions[{i}]",
                    $"Needs a field, an operator ({string.Join(", ", ConditionEvaluator.Operators)}) and a value (an array for in/not_in).");
            }
        }
    }
}
