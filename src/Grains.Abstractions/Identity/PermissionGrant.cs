using System.Text.Json;

namespace MindPeeker.Grains.Abstractions.Identity;

/// <summary>
/// A permission as roles and API keys hold it (SPEC.md, "Access control"): a resource (<c>*</c>, exact,
/// or a pattern like <c>sessions.*</c>), actions (<c>create</c>, <c>read</c>, <c>update</c>,
/// <c>delete</c> or <c>*</c>) and optional conditions that must all hold on the request.
/// </summary>
public sealed record PermissionGrant(string Resource, IReadOnlyList<string> Actions, IReadOnlyList<PermissionCondition>? Conditions = null);

/// <summary>
/// <c>{field, operator, value}</c>: <paramref name="Field"/> is a dotted path into the request context,
/// <paramref name="Operator"/> one of <c>eq, ne, in, not_in, gt, lt</c>.
/// </summary>
public sealed record PermissionCondition(string Field, string Operator, JsonElement Value);
