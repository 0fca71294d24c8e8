using Microsoft.Extensions.Options;
using MindPeeker.Runtime.Cluster;
using MindPeeker.Runtime.Cluster.Placement;
using MindPeeker.Runtime.Hosting;
using MindPeeker.Runtime.Manifest;

namespace MindPeeker.Runtime.Tests.Cluster.Placement;

public sealed class PlacementDirectorTests
{
    private static readonly SiloAddress Cpu1 = new("10.0.0.1", 11111, 1);
    private static readonly SiloAddress Cpu2 = new("10.0.0.2", 11111, 1);
    private static readonly SiloAddress Gpu = new("10.0.0.3", 11111, 1);

    [Fact]
    public void Random_placement_spreads_over_every_active_silo_and_never_picks_a_leaving_one()
    {
        var snapshot = Snapshot(Silo(Cpu1, "cpu"), Silo(Cpu2, "cpu"), Silo(Gpu, "gpu", SiloStatus.ShuttingDown));
        var placement = Director();

        var chosen = Enumerable.Range(0, 400).Select(_ => placement.Place(Descriptor(), snapshot, caller: Cpu1)).ToList();

        chosen.Distinct().Should().BeEquivalentTo([Cpu1, Cpu2]);
        chosen.Count(s => s == Cpu1).Should().BeInRange(120, 280);
    }

    [Fact]
    public void Prefer_local_placement_takes_the_calling_silo_and_falls_back_to_others_when_it_is_leaving()
    {
        var descriptor = Descriptor(preferLocal: true);
        var placement = Director();

        placement.Place(descriptor, Snapshot(Silo(Cpu1, "cpu"), Silo(Cpu2, "cpu")), caller: Cpu2).Should().Be(Cpu2);
        placement.Place(descriptor, Snapshot(Silo(Cpu1, "cpu"), Silo(Cpu2, "cpu", SiloStatus.ShuttingDown)), caller: Cpu2).Should().Be(Cpu1);
    }

    [Fact]
    public void A_role_pinned_grain_goes_only_to_silos_with_the_role_even_from_a_cpu_caller()
    {
        var snapshot = Snapshot(Silo(Cpu1, "cpu"), Silo(Cpu2, "cpu"), Silo(Gpu, "gpu"));
        var placement = Director(("gpu", "cpu"));

        Enumerable.Range(0, 50).Select(_ => placement.Place(Descriptor(role: "gpu", preferLocal: true), snapshot, caller: Cpu1))
            .Should().AllBeEquivalentTo(Gpu, "a fallback only applies while no silo has the role");
    }

    [Fact]
    public void With_no_silo_of_the_role_the_call_fails_naming_the_role_unless_a_fallback_is_configured()
    {
        var snapshot = Snapshot(Silo(Cpu1, "cpu"), Silo(Gpu, "gpu", SiloStatus.Dead));

        var strict = () => Director().Place(Descriptor(role: "gpu"), snapshot, caller: Cpu1);

        strict.Should().Throw<SiloUnavailableException>()
            .WithMessage("No active silo advertises the role 'gpu'*Silo:Placement:RoleFallbacks:gpu*--role gpu*");
        Director(("gpu", "cpu")).Place(Descriptor(role: "gpu"), snapshot, caller: Cpu1).Should().Be(Cpu1);
    }

    [Fact]
    public void Excluding_the_only_compatible_silo_leaves_nowhere_to_go()
    {
        var snapshot = Snapshot(Silo(Cpu1, "cpu"));

        var place = () => Director().Place(Descriptor(), snapshot, caller: null, exclude: Cpu1);

        place.Should().Throw<SiloUnavailableException>().WithMessage("*grain type 'probe'*");
    }

    private static PlacementDirector Director(params (string Role, string Fallback)[] fallbacks)
    {
        var options = new PlacementOptions();
        foreach (var (role, fallback) in fallbacks)
        {
            options.RoleFallbacks[role] = [fallback];
        }

        return new PlacementDirector(Options.Create(options));
    }

    private static GrainClassDescriptor Descriptor(string? role = null, bool preferLocal = false) =>
        new(typeof(object), "probe", [], (_, _) => new object()) { PlacementRole = role, PreferLocalPlacement = preferLocal };

    private static MembershipEntry Silo(SiloAddress address, string role, SiloStatus status = SiloStatus.Active) => new()
    {
        Address = address,
        Status = status,
        SiloName = address.Host,
        HostName = address.Host,
        Roles = [role],
        StartTime = DateTimeOffset.UnixEpoch,
        IAmAliveTime = DateTimeOffset.UnixEpoch,
    };

    private static MembershipSnapshot Snapshot(params MembershipEntry[] entries) => new(1, entries);
}
