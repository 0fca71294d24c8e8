using MindPeeker.ApiFrontend.Dashboard.Domain;
using MindPeeker.Runtime.Logging;

namespace MindPeeker.ApiFrontend.Dashboard.Logs;

/// <summary>
/// A page of the merged log tail (<c>GET /v1/admin/dashboard/logs</c>): items oldest first, each with its silo and cursor;
/// <see cref="NextCursor"/> is the last item's cursor (or the cursor asked with when there are no items), to poll for
/// newer entries; <see cref="HasMore"/> says more entries after the last item are already waiting.
/// </summary>
internal sealed record LogTailPage(IReadOnlyList<LogTailEntry> Items, string? NextCursor, bool HasMore, IReadOnlyList<SiloAnswerStatus> Silos);
