namespace MindPeeker.Runtime.Cluster;

/// <summary>
/// Direct liveness probe of another silo (Orleans' <c>IMembershipService.Ping</c> over the silo-to-silo
/// connection). Implemented by the transport.
/// </summary>
public interface ISiloProber
{
    /// <summary>
    /// True when <paramref name="target"/> answered within <paramref name="timeout"/>; false when it did not,
    /// refused the connection, or answered as a different generation.
    /// </summary>
    Task<bool> ProbeAsync(SiloAddress target, TimeSpan timeout, CancellationToken cancellationToken);
}
