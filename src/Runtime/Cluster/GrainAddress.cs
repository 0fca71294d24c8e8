namespace MindPeeker.Runtime.Cluster;

/// <summary>
/// Where one activation of a grain lives: a row of the grain directory. <see cref="ActivationId"/>
/// tells two activations of the same grain on the same silo apart, so an unregister never removes a successor.
/// </summary>
public sealed record GrainAddress(GrainId GrainId, SiloAddress Silo, Guid ActivationId, long MembershipVersion);
