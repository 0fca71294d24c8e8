using MindPeeker.Runtime.Catalog;

namespace MindPeeker.Runtime.Hosting;

/// <summary>
/// Read-only view of the local silo for health checks and the admin API: status and activation
/// counts. Thread-safe; counts are a moving snapshot.
/// </summary>
public sealed class SiloStatistics
{
    private readonly SiloRuntime _runtime;
    private volatile SiloStatus _status = SiloStatus.Created;

    internal SiloStatistics(SiloRuntime runtime, string siloName)
    {
        _runtime = runtime;
        SiloName = siloName;
    }

    public string SiloName { get; }

    public SiloStatus Status
    {
        get => _status;
        internal set => _status = value;
    }

    public DateTimeOffset? StartedAt { get; internal set; }

    public int ActivationCount => _runtime.Catalog.Count;

    /// <summary>Activations per grain type (stateless workers count each worker), sorted by type name.</summary>
    public IReadOnlyDictionary<string, int> GetActivationCountsByGrainType()
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var activation in _runtime.Catalog.EnumerateActivations())
        {
            counts[activation.GrainId.Type] = counts.GetValueOrDefault(activation.GrainId.Type) + 1;
        }

        return counts;
    }

    /// <summary>This silo as an admin report, under the address <paramref name="silo"/>.</summary>
    public Cluster.SiloRuntimeReport ToReport(string silo, IReadOnlyList<string> roles)
    {
        var counts = GetActivationCountsByGrainType();
        return new Cluster.SiloRuntimeReport(silo, SiloName, roles, Status.ToString(), StartedAt, counts.Values.Sum(), counts);
    }
}
