namespace MindPeeker.ApiFrontend.Security;

/// <summary>
/// Resource patterns (SPEC.md, "Access control"): <c>*</c> is every resource, <c>sessions.*</c> is
/// <c>sessions</c> and everything under it (<c>sessions.results</c>), anything else matches itself.
/// </summary>
internal static class ResourcePattern
{
    public static bool Matches(string pattern, string resource) =>
        pattern == Permissions.Any
        || string.Equals(pattern, resource, StringComparison.Ordinal)
        || (pattern.EndsWith(".*", StringComparison.Ordinal) && IsWithin(resource, pattern[..^2]));

    /// <summary>Whether everything <paramref name="requested"/> matches is matched by <paramref name="granted"/>.</summary>
    public static bool Covers(string granted, string requested)
    {
        if (granted == Permissions.Any)
        {
            return true;
        }

        if (requested == Permissions.Any)
        {
            return false;
        }

        var requestedBase = requested.EndsWith(".*", StringComparison.Ordinal) ? requested[..^2] : null;
        return requestedBase is null
            ? Matches(granted, requested)
            : granted.EndsWith(".*", StringComparison.Ordinal) && IsWithin(requestedBase, granted[..^2]);
    }

    /// <summary>Whether <paramref name="pattern"/> is a well-formed pattern over a known resource.</summary>
    public static bool IsValid(string pattern)
    {
        if (pattern == Permissions.Any)
        {
            return true;
        }

        var name = pattern.EndsWith(".*", StringComparison.Ordinal) ? pattern[..^2] : pattern;
        return Permissions.Resources.Contains(name.Split('.')[0]) && name.Split('.').All(part => part.Length > 0 && part != "*");
    }

    public static bool ActionMatches(IEnumerable<string> actions, string action) =>
        actions.Any(a => a == Permissions.Any || string.Equals(a, action, StringComparison.Ordinal));

    private static bool IsWithin(string resource, string root) =>
        string.Equals(resource, root, StringComparison.Ordinal)
        || (resource.Length > root.Length && resource.StartsWith(root, StringComparison.Ordinal) && resource[root.Length] == '.');
}
