using System.Globalization;
using System.Text.RegularExpressions;
using MindPeeker.ApiFrontend.Http.Lists;
using MindPeeker.Grains.Abstractions.Identity;

namespace MindPeeker.ApiFrontend.Admin;

/// <summary>
/// Reads and validates the query string of <c>GET /v1/admin/audit</c> into an <see cref="AuditQuery"/>; every bad
/// parameter is reported under its own name (API.md: 400 problem+json with <c>errors</c>).
/// </summary>
internal static partial class AuditQueryParameters
{
    private const int MaxActionLength = 100;
    private const int MaxResourceTypeLength = 50;
    private const int MaxResourceIdLength = 100;

    public static Dictionary<string, string[]> TryRead(
        string? limit, string? startingAfter, string? user, string? action, string? resource, string? since, string? until, out AuditQuery query)
    {
        var errors = ListQuery.TryRead(limit, null, out var pageSize, out _);
        query = new AuditQuery(pageSize);
        if (startingAfter is not null)
        {
            if (long.TryParse(startingAfter, NumberStyles.None, CultureInfo.InvariantCulture, out var cursor) && cursor > 0)
            {
                query = query with { StartingAfter = cursor };
            }
            else
            {
                errors["starting_after"] = ["Must be an audit entry id from a previous page."];
            }
        }

        if (user is not null)
        {
            if (Guid.TryParse(user, out var userId))
            {
                query = query with { ActorUserId = userId };
            }
            else
            {
                errors["user"] = ["Must be a user id (a UUID)."];
            }
        }

        if (action is not null)
        {
            if (action.Length <= MaxActionLength && ExactAction().IsMatch(action))
            {
                query = query with { Action = action };
            }
            else if (action.Length <= MaxActionLength && PrefixAction().IsMatch(action))
            {
                query = query with { Action = action[..^1], ActionIsPrefix = true };
            }
            else
            {
                errors["action"] = ["Must be an action such as 'auth.login', or a prefix ending in '.*' such as 'webhook.*'."];
            }
        }

        if (resource is not null)
        {
            var separator = resource.IndexOf(':', StringComparison.Ordinal);
            var type = separator < 0 ? resource : resource[..separator];
            var id = separator < 0 ? null : resource[(separator + 1)..];
            if (type.Length <= MaxResourceTypeLength && ResourceType().IsMatch(type) && id is null or { Length: > 0 and <= MaxResourceIdLength })
            {
                query = query with { ResourceType = type, ResourceId = id };
            }
            else
            {
                errors["resource"] = ["Must be a resource type such as 'api_key', or 'type:id' such as 'webhook:<id>'."];
            }
        }

        var sinceTime = ReadTime(since, "since", errors);
        var untilTime = ReadTime(until, "until", errors);
        if (sinceTime is { } from && untilTime is { } to && to <= from)
        {
            errors["until"] = ["Must be later than 'since'."];
        }

        query = query with { Since = sinceTime, Until = untilTime };
        return errors;
    }

    private static DateTimeOffset? ReadTime(string? text, string field, Dictionary<string, string[]> errors)
    {
        if (text is null)
        {
            return null;
        }

        // An unencoded '+' in a query string arrives as a space: "2026-01-01T00:00:00+02:00" stays readable.
        var normalized = text.Replace(' ', '+');
        if (IsoTimestamp().IsMatch(normalized)
            && DateTimeOffset.TryParse(normalized, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            return time;
        }

        errors[field] = ["Must be an ISO-8601 timestamp such as '2026-01-31T12:00:00Z'."];
        return null;
    }

    [GeneratedRegex(@"^[a-z0-9_]+(\.[a-z0-9_]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex ExactAction();

    [GeneratedRegex(@"^[a-z0-9_]+(\.[a-z0-9_]+)*\.\*$", RegexOptions.CultureInvariant)]
    private static partial Regex PrefixAction();

    [GeneratedRegex(@"^[a-z0-9_]+$", RegexOptions.CultureInvariant)]
    private static partial Regex ResourceType();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoTimestamp();
}
