using MindPeeker.Runtime;

namespace MindPeeker.Cluster.TestSilo.Grains;

/// <summary>A counter kept in PostgreSQL grain storage: it survives its silo, so a new activation continues from the stored value.</summary>
public interface IDurableCounterGrain : IGrainWithGuidKey
{
    /// <summary>Adds one, writes the state, and reports the stored count and where it ran.</summary>
    Task<CounterReport> Increment();

    /// <summary>The stored count and where it ran; changes nothing.</summary>
    Task<CounterReport> Get();
}

/// <summary>A durable counter's value, the silo of the activation that answered and that activation's id.</summary>
public sealed record CounterReport(int Count, string Silo, Guid ActivationId);

/// <summary>The durable counter's persisted state.</summary>
public sealed record DurableCounterState
{
    public int Count { get; set; }
}
