using Microsoft.Extensions.Logging;

namespace MindPeeker.Runtime.Reminders;

/// <summary>
/// One reminder this silo schedules: a <see cref="TimeProvider"/> timer on the reminder's grid
/// (<see cref="ReminderEntry.StartAt"/> plus whole periods) that delivers each tick as a grain call. Ticks never
/// overlap: one that comes due while the previous is still being delivered waits for it, and several such
/// ticks collapse into the latest. Thread-safe; <see cref="Dispose"/> stops future ticks (one being
/// delivered finishes).
/// </summary>
internal sealed class ScheduledReminder : IDisposable
{
    private readonly Func<GrainId, IRemindable> _getGrain;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private ITimer? _timer;
    private bool _delivering;
    private DateTimeOffset? _deferredTick;
    private bool _disposed;

    public ScheduledReminder(ReminderEntry entry, Func<GrainId, IRemindable> getGrain, TimeProvider time, ILogger logger)
    {
        Entry = entry;
        _getGrain = getGrain;
        _time = time;
        _logger = logger;
    }

    public ReminderEntry Entry { get; }

    public void Start()
    {
        var timer = _time.CreateTimer(static state => ((ScheduledReminder)state!).OnDue(), this, FirstDueTime(Entry, _time.GetUtcNow()), Entry.Period);
        lock (_lock)
        {
            if (!_disposed)
            {
                _timer = timer;
                return;
            }
        }

        timer.Dispose();
    }

    /// <summary>Time until the first grid point at or after <paramref name="now"/>.</summary>
    internal static TimeSpan FirstDueTime(ReminderEntry entry, DateTimeOffset now)
    {
        if (entry.StartAt >= now)
        {
            return entry.StartAt - now;
        }

        var periods = (long)Math.Ceiling((now - entry.StartAt).Ticks / (double)entry.Period.Ticks);
        var next = entry.StartAt + TimeSpan.FromTicks(entry.Period.Ticks * periods);
        return next > now ? next - now : TimeSpan.Zero;
    }

    public void Dispose()
    {
        ITimer? timer;
        lock (_lock)
        {
            _disposed = true;
            timer = _timer;
            _timer = null;
        }

        timer?.Dispose();
    }

    private void OnDue()
    {
        var tickTime = _time.GetUtcNow();
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            if (_delivering)
            {
                _deferredTick = tickTime;
                ReminderLog.TickDeferred(_logger, Entry.ReminderName, Entry.GrainId, tickTime);
                return;
            }

            _delivering = true;
        }

        _ = DeliverAsync(tickTime);
    }

    private async Task DeliverAsync(DateTimeOffset tickTime)
    {
        while (true)
        {
            try
            {
                await _getGrain(Entry.GrainId).ReceiveReminder(Entry.ReminderName, new TickStatus(Entry.StartAt, Entry.Period, tickTime)).ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                ReminderLog.TickFailed(_logger, Entry.ReminderName, Entry.GrainId, tickTime, exception);
            }

            lock (_lock)
            {
                if (_deferredTick is not { } next || _disposed)
                {
                    _delivering = false;
                    _deferredTick = null;
                    return;
                }

                tickTime = next;
                _deferredTick = null;
            }
        }
    }
}
