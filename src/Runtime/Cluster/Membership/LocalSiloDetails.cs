namespace MindPeeker.Runtime.Cluster.Membership;

/// <summary>
/// What this silo writes into its membership row when it joins: its address (endpoint plus a generation
/// unique to this start) and what it advertises. Registered by the host once the endpoint is known.
/// </summary>
public sealed record LocalSiloDetails(SiloAddress Address, string SiloName, string HostName, IReadOnlyList<string> Roles, bool IsGateway = true);
