using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.SignalR;
using MindPeeker.ApiFrontend.Dashboard.Logs;
using MindPeeker.Runtime.Logging;

namespace MindPeeker.ApiFrontend.Dashboard;

/// <summary>The admin hub's live log tail.</summary>
internal sealed partial class AdminHub
{
    /// <summary>
    /// Streams the cluster's log entries matching <paramref name="filter"/> (null: every kept entry): the newest 100 at
    /// once, then new ones as silos are polled each collection interval, until the client stops the stream (an unknown level ends it with an error). Items are
    /// <see cref="LogTailEntry"/> objects in snake_case, exactly as <c>GET /v1/admin/dashboard/logs</c> lists them
    /// (serialized here, so the hub protocol's own naming does not apply).
    /// </summary>
    public async IAsyncEnumerable<JsonElement> StreamLogs(
        LogTailFilter? filter, [FromServices] LogTailStream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(filter?.Level) && filter.MinimumLevel is null)
        {
            throw new HubException("Unknown level; use trace, debug, information, warning, error or critical.");
        }

        await foreach (var entry in stream.StreamAsync(filter ?? new LogTailFilter(), cancellationToken))
        {
            yield return JsonSerializer.SerializeToElement(entry, LogTailJson.Options);
        }
    }
}
