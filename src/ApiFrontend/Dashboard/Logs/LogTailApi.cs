using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using MindPeeker.ApiFrontend.Dashboard.Domain;
using MindPeeker.ApiFrontend.Http;
using MindPeeker.Runtime.Logging;

namespace MindPeeker.ApiFrontend.Dashboard.Logs;

/// <summary>
/// <c>GET /v1/admin/dashboard/logs?level=&amp;grain=&amp;session=&amp;after=&amp;limit=</c>: the live log tail of every silo,
/// merged by time (see <see cref="LogTailReader"/>). 400 for an unknown level, a cursor this API did not issue, or a
/// limit outside 1–1,000.
/// </summary>
internal static class LogTailApi
{
    internal static async Task<Results<Ok<ApiEnvelope<LogTailPage>>, ValidationProblem>> GetLogs(
        HttpContext context,
        LogTailReader reader,
        [FromQuery] string? level,
        [FromQuery] string? grain,
        [FromQuery] string? session,
        [FromQuery] string? after,
        [FromQuery] string? limit)
    {
        var errors = new Dictionary<string, string[]>();
        var count = QueryNumber.Read(limit, "limit", LogTailReader.DefaultLimit, 1, LogTailReader.MaxLimit, errors);
        if (!string.IsNullOrEmpty(level) && LogLevelNames.Parse(level) is null)
        {
            errors["level"] = ["Must be one of trace, debug, information, warning, error, critical."];
        }

        var position = LogCursor.TryParse(after);
        if (!string.IsNullOrEmpty(after) && position is null)
        {
            errors["after"] = ["Must be the cursor or next_cursor of a previous answer."];
        }

        if (grain is { Length: > 200 } || session is { Length: > 200 })
        {
            errors[grain is { Length: > 200 } ? "grain" : "session"] = ["Must be at most 200 characters."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, detail: "The query is invalid; see errors.");
        }

        var filter = new LogTailFilter(NullIfEmpty(level), NullIfEmpty(grain), NullIfEmpty(session));
        return ApiResults.Ok(context, await reader.ReadAsync(filter, position, count, context.RequestAborted), "Log entries.");
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
