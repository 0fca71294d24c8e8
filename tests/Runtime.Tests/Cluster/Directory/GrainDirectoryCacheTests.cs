using MindPeeker.Runtime.Cluster;
using MindPeeker.Runtime.Cluster.Directory;
using MindPeeker.Runtime.Hosting;

namespace MindPeeker.Runtime.Tests.Cluster.Directory;

public sealed class GrainDirectoryCacheTests
{
    private static readonly SiloAddress SiloA = new("10.0.0.1", 11111, 1);
    private static readonly SiloAddress SiloB = new("10.0.0.2", 11111, 1);
    private static readonly SiloAddress SiloC = new("10.0.0.3", 11111, 1);

    [Fact]
    public void A_put_address_is_found_and_a_newer_put_replaces_it()
    {
        var cache = new GrainDirectoryCache();
        var grain = NewGrainId();
        var first = Address(grain, SiloA);
        var second = Address(grain, SiloB);

        cache.TryGet(grain, out _).Should().BeFalse();
        cache.Put(first);
        cache.TryGet(grain, out var found).Should().BeTrue();
        found.Should().Be(first);
        cache.Put(second);

        cache.TryGet(grain, out found).Should().BeTrue();
        found.Should().Be(second);
        cache.Count.Should().Be(1);
    }

    [Fact]
    public void Invalidating_an_address_drops_the_entry_only_while_it_holds_that_exact_address()
    {
        var cache = new GrainDirectoryCache();
        var grain = NewGrainId();
        var stale = Address(grain, SiloA);
        var fresh = Address(grain, SiloA);
        cache.Put(fresh);

        cache.Invalidate(stale).Should().BeFalse("a late 'not here' for an older activation must not drop the newer entry");
        cache.TryGet(grain, out var found).Should().BeTrue();
        found.Should().Be(fresh);

        cache.Invalidate(fresh).Should().BeTrue();
        cache.TryGet(grain, out _).Should().BeFalse();
        cache.Count.Should().Be(0);
    }

    [Fact]
    public void Invalidating_a_grain_drops_whatever_is_cached_for_it()
    {
        var cache = new GrainDirectoryCache();
        var grain = NewGrainId();
        cache.Put(Address(grain, SiloA));

        cache.Invalidate(grain).Should().BeTrue();
        cache.Invalidate(grain).Should().BeFalse();
        cache.TryGet(grain, out _).Should().BeFalse();
    }

    [Fact]
    public void Invalidating_silos_drops_exactly_their_entries()
    {
        var cache = new GrainDirectoryCache();
        var onA = Enumerable.Range(0, 5).Select(_ => Address(NewGrainId(), SiloA)).ToArray();
        var onB = Enumerable.Range(0, 5).Select(_ => Address(NewGrainId(), SiloB)).ToArray();
        foreach (var address in onA.Concat(onB))
        {
            cache.Put(address);
        }

        cache.InvalidateSilos([SiloA, SiloC]).Should().Be(5);

        onA.Where(a => cache.TryGet(a.GrainId, out var _)).Should().BeEmpty();
        onB.Where(a => cache.TryGet(a.GrainId, out var _)).Should().HaveCount(5);
        cache.Count.Should().Be(5);
    }

    [Fact]
    public void A_membership_change_drops_entries_on_every_silo_that_is_not_active()
    {
        var cache = new GrainDirectoryCache();
        var unknownSilo = new SiloAddress("10.0.0.9", 11111, 1);
        var active = Address(NewGrainId(), SiloA);
        var dead = Address(NewGrainId(), SiloB);
        var shuttingDown = Address(NewGrainId(), SiloC);
        var unknown = Address(NewGrainId(), unknownSilo);
        foreach (var address in new[] { active, dead, shuttingDown, unknown })
        {
            cache.Put(address);
        }

        var snapshot = new MembershipSnapshot(5, [Entry(SiloA, SiloStatus.Active), Entry(SiloB, SiloStatus.Dead), Entry(SiloC, SiloStatus.ShuttingDown)]);

        cache.OnMembershipChanged(snapshot).Should().Be(3);
        cache.TryGet(active.GrainId, out _).Should().BeTrue();
        cache.TryGet(dead.GrainId, out _).Should().BeFalse();
        cache.TryGet(shuttingDown.GrainId, out _).Should().BeFalse();
        cache.TryGet(unknown.GrainId, out _).Should().BeFalse();
    }

    [Fact]
    public void The_cache_never_holds_more_than_its_capacity()
    {
        var cache = new GrainDirectoryCache(capacity: 100);

        for (var i = 0; i < 1_000; i++)
        {
            cache.Put(Address(NewGrainId(), SiloA));
            cache.Count.Should().BeLessThanOrEqualTo(100);
        }

        cache.Count.Should().BeGreaterThan(50, "eviction removes about an eighth at a time, not everything");
    }

    [Fact]
    public async Task Concurrent_puts_reads_and_invalidations_keep_the_cache_bounded_and_consistent()
    {
        var cache = new GrainDirectoryCache(capacity: 500);
        var grains = Enumerable.Range(0, 2_000).Select(_ => NewGrainId()).ToArray();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(() =>
        {
            for (var i = 0; i < 5_000; i++)
            {
                var grain = grains[(i * 7 + worker * 13) % grains.Length];
                switch (i % 3)
                {
                    case 0:
                        cache.Put(Address(grain, worker % 2 == 0 ? SiloA : SiloB));
                        break;
                    case 1:
                        if (cache.TryGet(grain, out var found))
                        {
                            found!.GrainId.Should().Be(grain);
                        }

                        break;
                    default:
                        cache.Invalidate(grain);
                        break;
                }
            }
        })));

        cache.Count.Should().BeInRange(0, 500);
        cache.InvalidateSilos([SiloA, SiloB]);
        cache.Count.Should().Be(0);
    }

    private static GrainId NewGrainId() => GrainId.Create("cache-test", Guid.NewGuid().ToString("N"));

    private static GrainAddress Address(GrainId grain, SiloAddress silo) => new(grain, silo, Guid.NewGuid(), 1);

    internal static MembershipEntry Entry(SiloAddress silo, SiloStatus status) => new()
    {
        Address = silo,
        Status = status,
        SiloName = silo.ToString(),
        HostName = silo.Host,
        Roles = ["cpu"],
        StartTime = DateTimeOffset.UnixEpoch,
        IAmAliveTime = DateTimeOffset.UnixEpoch,
    };
}
