using MindPeeker.Runtime;

namespace MindPeeker.Grains.Sessions;

/// <summary>
/// The session's watchdog: a durable reminder registered when the session is created and removed when it
/// finishes. Timers die with their activation; the reminder does not. When the silo running a session dies,
/// the reminder's next tick (on whichever silo owns its ring range) activates the session on a live silo,
/// which reloads its row and resumes the pipeline from the last recorded stage. Bound: failure detection plus
/// one <see cref="SessionWatchdogOptions.Period"/>.
/// </summary>
internal sealed partial class SessionGrain : IRemindable
{
    public const string WatchdogReminder = "session-watchdog";

    private IGrainReminder? _watchdog;

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (!string.Equals(reminderName, WatchdogReminder, StringComparison.Ordinal))
        {
            return;
        }

        await EnsureLoadedAsync();
        _watchdog ??= await GetReminder(WatchdogReminder);
        if (_state.IsUnfinished)
        {
            SessionLog.WatchdogResumed(logger, Id);
            EnsureWorkScheduled();
            return;
        }

        await RemoveWatchdogAsync();
    }

    private async Task EnsureWatchdogAsync()
    {
        if (_watchdog is null)
        {
            var period = watchdogOptions.Value.Period;
            _watchdog = await RegisterOrUpdateReminder(WatchdogReminder, period, period);
        }
    }

    /// <summary>Removes the watchdog of a finished session; a failure only costs one more (harmless) tick.</summary>
    private async Task RemoveWatchdogAsync()
    {
        var watchdog = _watchdog ?? await GetReminder(WatchdogReminder);
        _watchdog = null;
        if (watchdog is null)
        {
            return;
        }

        try
        {
            await UnregisterReminder(watchdog);
        }
        catch (Exception exception) when (exception is Npgsql.NpgsqlException or TimeoutException or InvalidOperationException)
        {
            SessionLog.WatchdogRemovalFailed(logger, exception, Id);
        }
    }
}
