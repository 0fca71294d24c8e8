using MindPeeker.Grains.Abstractions.Integrations;
using MindPeeker.Runtime;

namespace MindPeeker.Grains.Integrations;

/// <summary>
/// The sync schedule: a durable reminder every <c>configuration.sync_interval_seconds</c> (at least 60) while the sync is
/// running. Timers die with their activation; the reminder activates the integration wherever it lives. A tick of a
/// stopped or deleted integration removes the reminder. A tick refused by the rate limit is recorded as skipped.
/// </summary>
internal sealed partial class IntegrationGrain : IRemindable
{
    public const string SyncReminder = "integration-sync";

    public async Task<IntegrationReply<IntegrationSyncStatus>> StartSync(IntegrationCaller caller)
    {
        if (VisibleTo(caller) is null)
        {
            return IntegrationReply<IntegrationSyncStatus>.NotFound();
        }

        var reply = await SyncOnceAsync();
        if (reply.IsRateLimited)
        {
            return reply;
        }

        var current = _record!;
        var period = TimeSpan.FromSeconds(current.Sync.IntervalSeconds);
        await RegisterOrUpdateReminder(SyncReminder, period, period);
        await WriteAsync(current, current with
        {
            Sync = current.Sync with { State = IntegrationSyncStatus.Running, NextSyncAt = time.GetUtcNow() + period },
        });
        return IntegrationReply<IntegrationSyncStatus>.Of(_record!.Sync);
    }

    public async Task<IntegrationSyncStatus?> StopSync(IntegrationCaller caller)
    {
        if (VisibleTo(caller) is not { } current)
        {
            return null;
        }

        await RemoveSyncReminderAsync();
        await WriteAsync(current, current with { Sync = current.Sync with { State = IntegrationSyncStatus.Stopped, NextSyncAt = null } });
        await AppendLogAsync("info", "sync_stop", "Sync schedule stopped.");
        return _record!.Sync;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (!string.Equals(reminderName, SyncReminder, StringComparison.Ordinal))
        {
            return;
        }

        if (_record is not { Sync.State: IntegrationSyncStatus.Running })
        {
            await RemoveSyncReminderAsync();
            return;
        }

        await SyncOnceAsync();
        var current = _record!;
        await WriteAsync(current, current with
        {
            Sync = current.Sync with { NextSyncAt = time.GetUtcNow() + TimeSpan.FromSeconds(current.Sync.IntervalSeconds) },
        });
    }

    /// <summary>One sync run, recorded in the sync status (a refused one as skipped).</summary>
    private async Task<IntegrationReply<IntegrationSyncStatus>> SyncOnceAsync()
    {
        var reply = await CallAsync("sync", (client, target) => client.SyncAsync(target, CancellationToken.None));
        var current = _record!;
        var now = time.GetUtcNow();
        var sync = reply.Value switch
        {
            null => current.Sync with { LastSyncAt = now, LastSyncStatus = IntegrationSyncStatus.Skipped, LastError = "Refused by the rate limit." },
            { Success: true } result => current.Sync with
            {
                LastSyncAt = now, LastSyncStatus = IntegrationSyncStatus.Succeeded, LastError = null, Items = result.Models ?? [],
            },
            var result => current.Sync with { LastSyncAt = now, LastSyncStatus = IntegrationSyncStatus.Failed, LastError = result.Error },
        };
        await WriteAsync(current, current with { Sync = sync });
        return reply.IsRateLimited ? new IntegrationReply<IntegrationSyncStatus>(null, reply.RetryAfterSeconds) : IntegrationReply<IntegrationSyncStatus>.Of(sync);
    }

    /// <summary>After a configuration change: a running schedule follows the new interval.</summary>
    private async Task RescheduleSyncAsync()
    {
        if (_record is { Sync.State: IntegrationSyncStatus.Running } current)
        {
            var period = TimeSpan.FromSeconds(current.Sync.IntervalSeconds);
            await RegisterOrUpdateReminder(SyncReminder, period, period);
        }
    }

    /// <summary>Removes the sync reminder if there is one; a failure only costs one more (harmless) tick.</summary>
    private async Task RemoveSyncReminderAsync()
    {
        try
        {
            if (await GetReminder(SyncReminder) is { } reminder)
            {
                await UnregisterReminder(reminder);
            }
        }
        catch (Exception exception) when (exception is Npgsql.NpgsqlException or TimeoutException or InvalidOperationException)
        {
            IntegrationsLog.SyncReminderRemovalFailed(logger, exception, Id);
        }
    }
}
