namespace MindPeeker.Cluster.Tests.Harness;

/// <summary>One silo's row in <c>cluster_membership</c> as an operator would read it: status number and the voters who suspected it.</summary>
internal sealed record MembershipRow(string Address, int Status, IReadOnlyList<string> Voters)
{
    public const int Active = 3;
    public const int Dead = 6;
}
