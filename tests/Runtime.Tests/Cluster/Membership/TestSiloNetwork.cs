using MindPeeker.Runtime.Cluster;

namespace MindPeeker.Runtime.Tests.Cluster.Membership;

/// <summary>
/// Which probes get an answer, decided by the test. It stands in for the transport's real
/// <see cref="ISiloProber"/> (a ping over the silo-to-silo connection, wired by the transport later), because
/// these tests are about what the membership protocol does with answers, not about sockets. Thread-safe.
/// </summary>
internal sealed class TestSiloNetwork
{
    private readonly Lock _lock = new();
    private readonly HashSet<SiloAddress> _silent = [];
    private readonly HashSet<(SiloAddress From, SiloAddress To)> _cut = [];

    /// <summary>Nobody gets an answer from <paramref name="silo"/> any more (a kill -9 or a hung process).</summary>
    public void Silence(SiloAddress silo)
    {
        lock (_lock)
        {
            _silent.Add(silo);
        }
    }

    /// <summary>Probes from <paramref name="from"/> to <paramref name="to"/> fail; everything else still answers.</summary>
    public void Cut(SiloAddress from, SiloAddress to)
    {
        lock (_lock)
        {
            _cut.Add((from, to));
        }
    }

    public void Heal(SiloAddress from, SiloAddress to)
    {
        lock (_lock)
        {
            _cut.Remove((from, to));
        }
    }

    public ISiloProber ProberOf(SiloAddress prober) => new Prober(this, prober);

    private bool Answers(SiloAddress from, SiloAddress to)
    {
        lock (_lock)
        {
            return !_silent.Contains(to) && !_cut.Contains((from, to));
        }
    }

    private sealed class Prober(TestSiloNetwork network, SiloAddress self) : ISiloProber
    {
        public Task<bool> ProbeAsync(SiloAddress target, TimeSpan timeout, CancellationToken cancellationToken) =>
            Task.FromResult(network.Answers(self, target));
    }
}
