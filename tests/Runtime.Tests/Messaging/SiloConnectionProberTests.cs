using MindPeeker.Runtime.Messaging;

namespace MindPeeker.Runtime.Tests.Messaging;

public sealed class SiloConnectionProberTests
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task ProbeAsync_LiveSilo_IsTrue()
    {
        await using var silo = LoopbackSilo.Start(new RecordingHandler());
        await using var caller = LoopbackSilo.CreateCaller();

        var alive = await new SiloConnectionProber(caller, TimeProvider.System).ProbeAsync(silo.Address, ProbeTimeout, CancellationToken.None);

        alive.Should().BeTrue();
    }

    [Fact]
    public async Task ProbeAsync_StoppedSilo_IsFalse()
    {
        var silo = LoopbackSilo.Start(new RecordingHandler());
        var address = silo.Address;
        await silo.DisposeAsync();
        await using var caller = LoopbackSilo.CreateCaller();

        var alive = await new SiloConnectionProber(caller, TimeProvider.System).ProbeAsync(address, ProbeTimeout, CancellationToken.None);

        alive.Should().BeFalse();
    }

    [Fact]
    public async Task ProbeAsync_EndpointNowHostsAnotherGeneration_IsFalse()
    {
        await using var silo = LoopbackSilo.Start(new RecordingHandler(), generation: 8);
        await using var caller = LoopbackSilo.CreateCaller();

        var alive = await new SiloConnectionProber(caller, TimeProvider.System).ProbeAsync(silo.Address with { Generation = 7 }, ProbeTimeout, CancellationToken.None);

        alive.Should().BeFalse();
    }
}
