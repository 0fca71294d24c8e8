namespace MindPeeker.Cluster.TestSilo.Grains;

/// <summary>
/// Where a call ran: the silo's address (<c>host:port@generation</c>), its roles, the activation's id (new for every
/// activation) and how many counted calls this activation has served, this one included.
/// </summary>
public sealed record ProbeReport(string Silo, IReadOnlyList<string> Roles, Guid ActivationId, int Calls);
