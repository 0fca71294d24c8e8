using MindPeeker.Runtime.Cluster;
using MindPeeker.Runtime.Hosting;

namespace MindPeeker.Runtime.Tests.Reminders;

/// <summary>A membership view the test sets by hand, standing in for the silos of a cluster that is not running.</summary>
internal sealed class FakeClusterMembership(params SiloAddress[] activeSilos) : IClusterMembershipService
{
    public MembershipSnapshot CurrentSnapshot { get; private set; } = Snapshot(1, activeSilos);

    public event Action<MembershipSnapshot>? SnapshotChanged;

    public Task RefreshAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public void Publish(params SiloAddress[] active)
    {
        CurrentSnapshot = Snapshot(CurrentSnapshot.Version + 1, active);
        SnapshotChanged?.Invoke(CurrentSnapshot);
    }

    private static MembershipSnapshot Snapshot(long version, SiloAddress[] active) =>
        new(version, active.Select(silo => new MembershipEntry
        {
            Address = silo,
            Status = SiloStatus.Active,
            SiloName = silo.ToString(),
            HostName = silo.Host,
            Roles = ["cpu"],
            StartTime = DateTimeOffset.UnixEpoch,
            IAmAliveTime = DateTimeOffset.UnixEpoch,
        }));
}
