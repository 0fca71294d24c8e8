using System.Security.Cryptography;
using MindPeeker.Grains.Abstractions.DataLifecycle;
using MindPeeker.Grains.DataLifecycle;
using MindPeeker.Grains.Identity;
using MindPeeker.TestSupport;

namespace MindPeeker.Grains.Tests.DataLifecycle;

public sealed class BackupScheduleTests : IAsyncLifetime
{
    private readonly PostgreSqlTestDatabase _database = new();
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "mp-scheduled-backups-" + Guid.NewGuid().ToString("N"));

    public Task InitializeAsync() => _database.InitializeAsync();

    [Fact]
    public async Task With_a_schedule_a_backup_is_taken_each_interval_on_the_silo_clock_and_retention_keeps_the_newest()
    {
        Directory.CreateDirectory(_directory);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 0, 0, 0, TimeSpan.Zero));
        await using var silo = await StartAsync(time, new Dictionary<string, string?>
        {
            ["Backups:Schedule"] = "01:00:00",
            ["Backups:RetentionCount"] = "2",
        });
        var backups = silo.GrainFactory.GetGrain<IBackupGrain>(0);
        (await backups.List()).Should().BeEmpty("nothing is taken before the first interval");

        for (var hour = 1; hour <= 3; hour++)
        {
            var taken = NextManifestAsync();
            time.Advance(TimeSpan.FromHours(1));
            await taken.WaitAsync(TimeSpan.FromSeconds(60));
            (await backups.List()).Should().HaveCount(Math.Min(hour, 2), "the grain answers after the scheduled backup's turn");
        }

        var listed = await backups.List();
        listed.Should().HaveCount(2, "retention keeps the 2 newest");
        listed[0].CreatedAt.Should().Be(time.GetUtcNow());
        (await backups.CreateIfDue(TimeSpan.FromHours(1))).Should().BeNull("the newest backup is younger than the interval");
    }

    [Fact]
    public async Task Without_a_schedule_no_backup_is_ever_taken()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 0, 0, 0, TimeSpan.Zero));
        await using var silo = await StartAsync(time, new Dictionary<string, string?>());

        time.Advance(TimeSpan.FromDays(2));

        (await silo.GrainFactory.GetGrain<IBackupGrain>(0).List()).Should().BeEmpty();
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private async Task<TestSilo> StartAsync(FakeTimeProvider time, Dictionary<string, string?> settings)
    {
        settings["Backups:Directory"] = _directory;
        settings["Backups:EncryptionKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        settings["Integrations:Credentials:MasterKeys:1"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        return await TestSilo.StartAsync(
            builder =>
            {
                builder.AddGrainsOnDatabase(_database.ConnectionString);
                builder.Services.AddIdentityGrains();
                builder.Services.AddDataLifecycle();
            },
            time,
            settings);
    }

    /// <summary>Completes when the next backup's manifest is written (the last file a backup writes).</summary>
    private Task NextManifestAsync()
    {
        var written = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var watcher = new FileSystemWatcher(_directory, "bk_*.json") { EnableRaisingEvents = true };
        watcher.Renamed += (_, _) => written.TrySetResult();
        watcher.Created += (_, _) => written.TrySetResult();
        return written.Task.ContinueWith(_ => watcher.Dispose(), TaskScheduler.Default);
    }
}
