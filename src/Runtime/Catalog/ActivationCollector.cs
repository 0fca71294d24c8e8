namespace MindPeeker.Runtime.Catalog;

/// <summary>
/// Identifies activations that have been idle long enough to be deactivated, every
/// <see cref="Hosting.GrainCollectionOptions.CollectionQuantum"/> on the silo's <see cref="TimeProvider"/>.
/// Only calls (and timers created with KeepAlive) count as activity.
/// </summary>
internal sealed class ActivationCollector(SiloRuntime runtime) : IDisposable
{
    private ITimer? _timer;

    public void Start()
    {
        var quantum = runtime.CollectionOptions.CollectionQuantum;
        _timer = runtime.TimeProvider.CreateTimer(static state => _ = ((ActivationCollector)state!).CollectAsync(), this, quantum, quantum);
    }

    /// <summary>Deactivates every activation idle past its collection age; completes when they are gone.</summary>
    public async Task<int> CollectAsync()
    {
        var now = runtime.TimeProvider.GetTimestamp();
        var deactivations = new List<Task>();
        foreach (var activation in runtime.Catalog.EnumerateActivations())
        {
            if (activation.TryStartIdleDeactivation(now, runtime.GetCollectionAge(activation.Descriptor)))
            {
                deactivations.Add(activation.Deactivated);
            }
        }

        await Task.WhenAll(deactivations);
        if (deactivations.Count > 0)
        {
            RuntimeLog.Collected(runtime.Logger, deactivations.Count);
        }

        return deactivations.Count;
    }

    public void Dispose() => _timer?.Dispose();
}
