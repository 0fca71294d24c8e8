using Microsoft.Extensions.Logging;
using MindPeeker.Grains.Abstractions.DataLifecycle;
using MindPeeker.Runtime;

namespace MindPeeker.Grains.DataLifecycle;

/// <summary>The one activation (key 0) through which the admin API and the schedule reach <see cref="BackupService"/>; its turns serialize backup work.</summary>
internal sealed class BackupGrain(BackupService backups, BackupStore store, TimeProvider time, ILogger<BackupGrain> logger) : Grain, IBackupGrain
{
    public Task<BackupSummary> Create() => backups.CreateAsync(CancellationToken.None);

    public async Task<BackupSummary?> CreateIfDue(TimeSpan interval)
    {
        var newest = (await store.ListAsync(CancellationToken.None)).FirstOrDefault();
        return newest is null || time.GetUtcNow() - newest.CreatedAt >= interval ? await Create() : null;
    }

    public Task<IReadOnlyList<BackupSummary>> List() => store.ListAsync(CancellationToken.None);

    public async Task<BackupSummary?> Restore(string backupId)
    {
        try
        {
            return await backups.RestoreAsync(backupId, CancellationToken.None);
        }
        catch (BackupRejectedException exception)
        {
            DataLifecycleLog.BackupRejected(logger, backupId, exception.Message);
            throw;
        }
    }

    public Task<bool> Delete(string backupId) => Task.FromResult(BackupStore.IsValidId(backupId) && store.Delete(backupId));
}
