using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using MindPeeker.Runtime.Logging;

namespace MindPeeker.ApiFrontend.Dashboard.Logs;

/// <summary>
/// A live log tail for one reader: first the newest <see cref="InitialEntries"/> matching entries, then, every
/// <see cref="DashboardOptions.CollectionInterval"/> (through the <see cref="TimeProvider"/>), whatever matching entries
/// arrived on any silo since the last one yielded. Ends when the reader cancels.
/// </summary>
internal sealed class LogTailStream(LogTailReader reader, TimeProvider time, IOptions<DashboardOptions> options)
{
    public const int InitialEntries = 100;

    public async IAsyncEnumerable<LogTailEntry> StreamAsync(LogTailFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var page = await reader.ReadAsync(filter, null, InitialEntries, cancellationToken);
        LogPosition? after = null;
        while (true)
        {
            foreach (var entry in page.Items)
            {
                yield return entry;
            }

            after = LogCursor.TryParse(page.NextCursor) ?? after;
            if (!page.HasMore)
            {
                await Task.Delay(options.Value.CollectionInterval, time, cancellationToken);
            }

            page = after is null
                ? await reader.ReadAsync(filter, null, InitialEntries, cancellationToken)
                : await reader.ReadAsync(filter, after, LogTailReader.MaxLimit, cancellationToken);
        }
    }
}
