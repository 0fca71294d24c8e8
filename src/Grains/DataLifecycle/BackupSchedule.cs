using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MindPeeker.Grains.Abstractions.DataLifecycle;
using MindPeeker.Runtime;

namespace MindPeeker.Grains.DataLifecycle;

/// <summary>
/// With <see cref="BackupOptions.Schedule"/> set, asks <see cref="IBackupGrain"/> every interval (on <see cref="TimeProvider"/>)
/// for a backup when the newest is at least that old; with several silos each asks, and the single grain takes one per
/// interval. Off when unset (the default).
/// </summary>
internal sealed class BackupSchedule(IGrainFactory grains, IOptions<BackupOptions> options, TimeProvider time, ILogger<BackupSchedule> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Schedule is not { } interval)
        {
            return;
        }

        DataLifecycleLog.ScheduleStarted(logger, interval);
        using var timer = new PeriodicTimer(interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await grains.GetGrain<IBackupGrain>(0).CreateIfDue(interval);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                DataLifecycleLog.ScheduledBackupFailed(logger, exception);
            }
        }
    }
}
