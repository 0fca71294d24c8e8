using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MindPeeker.Runtime.Reminders;

/// <summary>
/// What <see cref="Grain"/>'s reminder methods call: writes and reads go straight to the <see cref="IReminderTable"/>
/// (any silo may write any row), and this silo's <see cref="LocalReminderService"/> hears of each change so it
/// schedules or stops the reminder at once when it owns the grain. Thread-safe.
/// </summary>
internal sealed class ReminderRegistry(
    IReminderTable table,
    LocalReminderService service,
    TimeProvider time,
    IOptions<ReminderOptions> options,
    ILogger<ReminderRegistry> logger)
{
    public async Task<IGrainReminder> RegisterOrUpdateAsync(GrainId grainId, string reminderName, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reminderName);
        var minimum = options.Value.MinimumReminderPeriod;
        if (period < minimum)
        {
            throw new ArgumentOutOfRangeException(
                nameof(period), period,
                $"Reminder '{reminderName}' of {grainId}: the period {period} is shorter than the minimum reminder period {minimum} ({ReminderOptions.SectionName}:MinimumReminderPeriod). Use a grain timer for shorter periods.");
        }

        if (dueTime < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(dueTime), dueTime, $"Reminder '{reminderName}' of {grainId}: the due time must not be negative.");
        }

        // Whole milliseconds, so the stored row reads back exactly what was scheduled.
        var startAt = TruncateToMilliseconds(time.GetUtcNow() + dueTime);
        var entry = new ReminderEntry { GrainId = grainId, ReminderName = reminderName, StartAt = startAt, Period = TimeSpan.FromMilliseconds(Math.Floor(period.TotalMilliseconds)) };
        var eTag = await table.UpsertRowAsync(entry).ConfigureAwait(false);
        service.OnUpserted(entry with { ETag = eTag });
        ReminderLog.Registered(logger, reminderName, grainId, entry.Period, startAt);
        return new GrainReminder(reminderName, eTag);
    }

    public async Task UnregisterAsync(GrainId grainId, IGrainReminder reminder)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        var eTag = reminder is GrainReminder own
            ? own.ETag
            : (await table.ReadRowAsync(grainId, reminder.ReminderName).ConfigureAwait(false))?.ETag;
        if (eTag is null)
        {
            return;
        }

        if (await table.RemoveRowAsync(grainId, reminder.ReminderName, eTag).ConfigureAwait(false))
        {
            service.OnRemoved(grainId, reminder.ReminderName);
            ReminderLog.Unregistered(logger, reminder.ReminderName, grainId);
        }
        else
        {
            ReminderLog.UnregisterStale(logger, reminder.ReminderName, grainId, eTag);
        }
    }

    public async Task<IGrainReminder?> GetAsync(GrainId grainId, string reminderName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reminderName);
        var row = await table.ReadRowAsync(grainId, reminderName).ConfigureAwait(false);
        return row is null ? null : new GrainReminder(row.ReminderName, row.ETag!);
    }

    public async Task<IReadOnlyList<IGrainReminder>> GetAllAsync(GrainId grainId)
    {
        var rows = await table.ReadRowsAsync(grainId).ConfigureAwait(false);
        return [.. rows.Select(r => new GrainReminder(r.ReminderName, r.ETag!))];
    }

    private static DateTimeOffset TruncateToMilliseconds(DateTimeOffset value) =>
        new(value.UtcTicks - (value.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
}
