using MindPeeker.Runtime.Hosting;

namespace MindPeeker.Runtime.Cluster.Membership;

/// <summary>
/// The vote a prober writes into a suspect's row (Orleans' <c>MembershipTableManager.TryToSuspectOrKill</c>):
/// drop votes older than the expiration and the voter's own earlier vote, add the voter's vote, and when the
/// fresh votes reach min(<c>NumVotesForDeathDeclaration</c>, (Active non-stale silos + 1) / 2) turn the row
/// Dead in the same update.
/// </summary>
internal static class SuspicionVoting
{
    /// <summary>The suspect's row after <paramref name="voter"/>'s vote, or null when there is nothing to write.</summary>
    public static MembershipEntry? Vote(MembershipTableData table, SiloAddress suspect, SiloAddress voter, DateTimeOffset now, ClusterMembershipOptions options)
    {
        var row = table.Find(suspect);
        if (row is null || row.Entry.Status == SiloStatus.Dead || suspect == voter)
        {
            return null;
        }

        List<SuspicionVote> votes =
        [
            .. row.Entry.SuspectTimes.Where(v => v.Voter != voter && now - v.At < options.DeathVoteExpiration),
            new SuspicionVote(voter, now),
        ];
        var required = RequiredVotes(table, now, options);
        return row.Entry with
        {
            SuspectTimes = votes,
            Status = votes.Count >= required ? SiloStatus.Dead : row.Entry.Status,
        };
    }

    /// <summary>min(<c>NumVotesForDeathDeclaration</c>, (Active rows with a fresh heartbeat + 1) / 2).</summary>
    public static int RequiredVotes(MembershipTableData table, DateTimeOffset now, ClusterMembershipOptions options)
    {
        var activeNonStale = table.Rows.Count(r => r.Entry.Status == SiloStatus.Active && now - r.Entry.IAmAliveTime <= options.IAmAliveStaleAfter);
        return Math.Min(options.NumVotesForDeathDeclaration, (activeNonStale + 1) / 2);
    }
}
