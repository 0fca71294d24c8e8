using System.Globalization;
using Microsoft.AspNetCore.Http;
using MindPeeker.ApiFrontend.Http.Lists;
using MindPeeker.Grains.Abstractions.Sessions;

namespace MindPeeker.ApiFrontend.Sessions;

/// <summary>
/// Reads <c>GET /v1/sessions</c>'s query: <c>limit</c> (1–100, default 20), <c>starting_after</c> (a
/// session id), <c>updated_since</c> (ISO-8601 date and time with an offset, e.g.
/// <c>2026-01-01T00:00:00Z</c>) and <c>status</c>.
/// </summary>
internal static class SessionListQueryReader
{
    public static Dictionary<string, string[]> TryRead(IQueryCollection query, Guid ownerId, out SessionListQuery? result)
    {
        var errors = ListQuery.TryRead(Single(query, "limit"), Single(query, "starting_after"), out var limit, out var startingAfter);
        DateTimeOffset? updatedSince = null;
        if (Single(query, "updated_since") is { } sinceText)
        {
            if (DateTimeOffset.TryParse(sinceText, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var since)
                && sinceText.Contains('T', StringComparison.Ordinal))
            {
                updatedSince = since;
            }
            else
            {
                errors["updated_since"] = ["Must be an ISO-8601 date and time, e.g. 2026-01-01T00:00:00Z."];
            }
        }

        var status = Single(query, "status");
        if (status is not null && !SessionStatus.All.Contains(status))
        {
            errors["status"] = [$"Must be one of {string.Join(", ", SessionStatus.All)}."];
        }

        foreach (var name in new[] { "limit", "starting_after", "updated_since", "status" }.Where(n => query[n].Count > 1))
        {
            errors[name] = ["Give this parameter once."];
        }

        result = errors.Count == 0 ? new SessionListQuery(ownerId, limit, startingAfter, updatedSince, status) : null;
        return errors;
    }

    private static string? Single(IQueryCollection query, string name) => query.TryGetValue(name, out var values) ? values[0] : null;
}
