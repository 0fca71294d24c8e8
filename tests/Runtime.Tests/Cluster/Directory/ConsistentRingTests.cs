using MindPeeker.Runtime.Cluster;
using MindPeeker.Runtime.Hosting;

namespace MindPeeker.Runtime.Tests.Cluster.Directory;

public sealed class ConsistentRingTests
{
    private static readonly SiloAddress SiloA = new("10.0.0.1", 11111, 1);
    private static readonly SiloAddress SiloB = new("10.0.0.2", 11111, 1);
    private static readonly SiloAddress SiloC = new("10.0.0.3", 11111, 1);

    [Theory]
    [InlineData("session/abc", 2161952408u)]
    [InlineData("", 2872998923u)]
    [InlineData("10.0.0.1:11111@1#0", 824092540u)]
    [InlineData("user/é", 372029059u)]
    public void The_hash_is_the_documented_algorithm_so_every_process_agrees(string value, uint expected)
    {
        // Expected values come from an independent implementation of FNV-1a 32 + fmix32 over UTF-8;
        // string.GetHashCode would differ between processes.
        ConsistentRing.GetHash(value).Should().Be(expected);
        ConsistentRing.GetHash(GrainId.Parse("session/abc")).Should().Be(2161952408u);
    }

    [Fact]
    public void Thirty_thousand_grains_spread_roughly_evenly_over_three_silos()
    {
        var ring = new ConsistentRing([SiloA, SiloB, SiloC]);

        var counts = Grains(30_000).GroupBy(g => ring.GetOwner(g)!).ToDictionary(g => g.Key, g => g.Count());

        counts.Keys.Should().BeEquivalentTo([SiloA, SiloB, SiloC]);
        counts.Values.Should().OnlyContain(n => n >= 6_000 && n <= 14_100, "each silo should own between 20% and 47% of the grains");
    }

    [Fact]
    public void Removing_a_silo_moves_only_the_grains_it_owned()
    {
        var before = new ConsistentRing([SiloA, SiloB, SiloC]);
        var after = new ConsistentRing([SiloA, SiloC]);
        var moved = 0;

        foreach (var grain in Grains(10_000))
        {
            var owner = before.GetOwner(grain)!;
            if (owner == SiloB)
            {
                moved++;
                after.GetOwner(grain).Should().NotBe(SiloB);
            }
            else
            {
                after.GetOwner(grain).Should().Be(owner, "grains of the remaining silos stay where they are");
            }
        }

        moved.Should().BeGreaterThan(0);
    }

    [Fact]
    public void The_ring_is_independent_of_the_order_silos_are_given_in()
    {
        var one = new ConsistentRing([SiloA, SiloB, SiloC]);
        var other = new ConsistentRing([SiloC, SiloA, SiloB, SiloA]);

        Grains(2_000).Should().OnlyContain(g => one.GetOwner(g) == other.GetOwner(g));
    }

    [Fact]
    public void Owned_ranges_contain_exactly_the_hashes_their_silo_owns()
    {
        var ring = new ConsistentRing([SiloA, SiloB, SiloC], virtualPointsPerSilo: 7);
        var ranges = new[] { SiloA, SiloB, SiloC }.ToDictionary(s => s, ring.GetOwnedRanges);
        var random = new Random(42);
        var hashes = Enumerable.Range(0, 20_000).Select(_ => (uint)random.NextInt64(0, 1L << 32)).Concat([0u, 1u, uint.MaxValue]);

        foreach (var hash in hashes)
        {
            var owner = ring.GetOwner(hash)!;
            foreach (var (silo, owned) in ranges)
            {
                owned.Any(r => r.Contains(hash)).Should().Be(silo == owner, $"hash {hash} belongs to {owner}");
            }
        }
    }

    [Fact]
    public void A_single_silo_owns_the_whole_ring_and_an_empty_ring_owns_nothing()
    {
        var single = new ConsistentRing([SiloA]);
        var empty = new ConsistentRing([]);
        var grain = GrainId.Create("ring-test", "any");

        single.GetOwnedRanges(SiloA).Should().Equal(RingRange.Full);
        single.IsOwnedBy(grain, SiloA).Should().BeTrue();
        single.GetOwnedRanges(SiloB).Should().BeEmpty();
        RingRange.Full.Contains(0).Should().BeTrue();
        RingRange.Full.Contains(uint.MaxValue).Should().BeTrue();
        empty.IsEmpty.Should().BeTrue();
        empty.GetOwner(grain).Should().BeNull();
    }

    [Fact]
    public void A_ring_built_from_a_snapshot_holds_only_its_active_silos()
    {
        var snapshot = new MembershipSnapshot(3, [
            GrainDirectoryCacheTests.Entry(SiloA, SiloStatus.Active),
            GrainDirectoryCacheTests.Entry(SiloB, SiloStatus.Dead),
            GrainDirectoryCacheTests.Entry(SiloC, SiloStatus.Joining)]);

        var ring = new ConsistentRing(snapshot);

        ring.Silos.Should().Equal(SiloA);
        Grains(100).Should().OnlyContain(g => ring.IsOwnedBy(g, SiloA));
    }

    private static IEnumerable<GrainId> Grains(int count) =>
        Enumerable.Range(0, count).Select(i => GrainId.Create("session", GrainKeyFormat.Format(new Guid(i, (short)7, (short)9, [1, 2, 3, 4, 5, 6, 7, (byte)i]))));
}
