namespace MindPeeker.Runtime.Cluster.Membership;

/// <summary>
/// Reacts when the membership table says this silo is Dead (other silos voted it dead, or its row is gone)
/// although it did not shut down. Called once, from a background thread; the membership loops have already
/// stopped. The silo must stop: the cluster has moved its grains elsewhere.
/// </summary>
public interface ILocalSiloDeclaredDeadHandler
{
    void OnLocalSiloDeclaredDead(SiloAddress silo);
}
