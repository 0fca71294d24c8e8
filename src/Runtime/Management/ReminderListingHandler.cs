using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MindPeeker.Runtime.Reminders;

namespace MindPeeker.Runtime.Management;

/// <summary>
/// Silo control handler <c>dashboard.reminders</c> (no argument): the reminder table's rows this silo owns (the ones
/// whose grains fall in its ring ranges, read from the table), as <see cref="ReminderListing"/>s ordered by grain id then name; an empty list
/// on a silo without a reminder service. Asking every silo therefore lists each reminder once, with its owner.
/// </summary>
internal sealed class ReminderListingHandler(IServiceProvider services, TimeProvider time) : ISiloControlHandler
{
    public const string HandlerName = DashboardControlNames.Reminders;

    public string Name => HandlerName;

    public async ValueTask<JsonElement> HandleAsync(JsonElement argument, CancellationToken cancellationToken)
    {
        var service = services.GetService<LocalReminderService>();
        var owned = service is null ? [] : await service.ReadOwnedRowsAsync(cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var listings = owned
            .Select(entry => new ReminderListing(entry.GrainId.ToString(), entry.ReminderName, entry.Period, entry.StartAt, NextDue(entry, now)))
            .OrderBy(r => r.GrainId, StringComparer.Ordinal)
            .ThenBy(r => r.Name, StringComparer.Ordinal)
            .ToList();
        return JsonSerializer.SerializeToElement(listings);
    }

    /// <summary>The first tick at or after <paramref name="now"/>: the start, or the start plus whole periods.</summary>
    internal static DateTimeOffset NextDue(ReminderEntry entry, DateTimeOffset now)
    {
        if (now <= entry.StartAt || entry.Period <= TimeSpan.Zero)
        {
            return entry.StartAt;
        }

        var periods = (long)Math.Ceiling((now - entry.StartAt).Ticks / (double)entry.Period.Ticks);
        return entry.StartAt + TimeSpan.FromTicks(entry.Period.Ticks * periods);
    }
}
