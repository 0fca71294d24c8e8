using System.Globalization;
using Microsoft.AspNetCore.Http;
using MindPeeker.ApiFrontend.Http.Lists;
using MindPeeker.Grains.Abstractions.DataLifecycle;

namespace MindPeeker.ApiFrontend.DataLifecycle;

/// <summary>
/// Reads an incremental-sync query: <c>updated_since</c> (RFC 3339 date-time with an offset, e.g.
/// <c>2026-01-01T00:00:00Z</c>), <c>limit</c> (1–100, default 20), <c>starting_after</c> (a <c>next_cursor</c> of a
/// previous sync page) and <c>include_deleted</c> (<c>true</c>|<c>false</c>, default false).
/// </summary>
internal static class SyncQueryReader
{
    private static readonly string[] Names = ["updated_since", "limit", "starting_after", "include_deleted", "status"];

    public static Dictionary<string, string[]> TryRead(IQueryCollection query, out SyncListQuery? result)
    {
        var errors = ListQuery.TryRead(Single(query, "limit"), null, out var limit, out _);
        DateTimeOffset since = default;
        var sinceText = Single(query, "updated_since");
        if (sinceText is null || !sinceText.Contains('T', StringComparison.Ordinal)
            || !DateTimeOffset.TryParse(sinceText, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out since))
        {
            errors["updated_since"] = ["Must be an RFC 3339 date and time, e.g. 2026-01-01T00:00:00Z."];
        }

        SyncPosition? after = null;
        if (Single(query, "starting_after") is { } cursor && !SyncPosition.TryDecode(cursor, out after))
        {
            errors["starting_after"] = ["With updated_since, pass the next_cursor of the previous page (it starts with s1_)."];
        }

        var includeDeleted = false;
        if (Single(query, "include_deleted") is { } flag && !bool.TryParse(flag, out includeDeleted))
        {
            errors["include_deleted"] = ["Must be true or false."];
        }

        foreach (var name in Names.Where(n => query[n].Count > 1))
        {
            errors[name] = ["Give this parameter once."];
        }

        result = errors.Count == 0 ? new SyncListQuery(since, after, limit, includeDeleted) : null;
        return errors;
    }

    public static string? Single(IQueryCollection query, string name) => query.TryGetValue(name, out var values) ? values[0] : null;
}
