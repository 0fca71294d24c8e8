namespace MindPeeker.Runtime.Statistics;

/// <summary>
/// Cumulative call counts of one grain method on one silo since the silo started: <paramref name="GrainType"/> is
/// the grain type name (<c>session</c>), <paramref name="Method"/> the interface method as <c>IFoo.Bar</c>,
/// <paramref name="Calls"/> every finished call (successful or not), <paramref name="Exceptions"/> the calls that
/// threw or were cancelled, <paramref name="TotalSeconds"/> the summed duration of all calls.
/// </summary>
public sealed record GrainMethodTotals(string GrainType, string Method, long Calls, long Exceptions, double TotalSeconds);
