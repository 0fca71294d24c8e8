using Microsoft.Extensions.Logging;
using MindPeeker.Runtime.Hosting;

namespace MindPeeker.Runtime.Cluster.Membership;

internal static partial class MembershipLog
{
    [LoggerMessage(8100, LogLevel.Information, "Silo {Silo} joined cluster membership at table version {Version}")]
    public static partial void Joined(ILogger logger, SiloAddress silo, long version);

    [LoggerMessage(8101, LogLevel.Debug, "Membership table moved past version {Version} while silo {Silo} wrote its row; re-reading")]
    public static partial void WriteConflict(ILogger logger, SiloAddress silo, long version);

    [LoggerMessage(8102, LogLevel.Information, "Silo {Silo} is {Status} in the membership table")]
    public static partial void StatusWritten(ILogger logger, SiloAddress silo, SiloStatus status);

    [LoggerMessage(8103, LogLevel.Debug, "Membership snapshot moved to version {Version} ({ActiveCount} active silos)")]
    public static partial void SnapshotPublished(ILogger logger, long version, int activeCount);

    [LoggerMessage(8104, LogLevel.Warning, "Silo {Silo} missed probe {Missed} of {Limit} from {Prober}")]
    public static partial void ProbeMissed(ILogger logger, SiloAddress silo, int missed, int limit, SiloAddress prober);

    [LoggerMessage(8105, LogLevel.Warning, "Silo {Prober} voted silo {Silo} dead ({Votes} fresh votes of {Required} needed)")]
    public static partial void Voted(ILogger logger, SiloAddress prober, SiloAddress silo, int votes, int required);

    [LoggerMessage(8106, LogLevel.Warning, "Silo {Prober} declared silo {Silo} Dead with {Votes} fresh votes")]
    public static partial void DeclaredDead(ILogger logger, SiloAddress prober, SiloAddress silo, int votes);

    [LoggerMessage(8107, LogLevel.Error, "The membership table says this silo {Silo} is dead (status {Status}); it stops taking part in the cluster")]
    public static partial void LocalSiloDeclaredDead(ILogger logger, SiloAddress silo, SiloStatus status);

    [LoggerMessage(8108, LogLevel.Warning, "Membership {Loop} of silo {Silo} failed; it runs again next period")]
    public static partial void LoopFailed(ILogger logger, Exception exception, string loop, SiloAddress silo);

    [LoggerMessage(8109, LogLevel.Information, "Deleted {Count} defunct Dead rows from the membership table")]
    public static partial void DefunctRowsDeleted(ILogger logger, int count);

    [LoggerMessage(8110, LogLevel.Error, "A handler of this silo being declared dead failed")]
    public static partial void DeathHandlerFailed(ILogger logger, Exception exception);

    [LoggerMessage(8111, LogLevel.Critical, "Silo {Silo} was declared dead by the cluster; stopping the host")]
    public static partial void StoppingHostAfterDeclaredDead(ILogger logger, SiloAddress silo);

    [LoggerMessage(8112, LogLevel.Warning, "Silo {Prober} gave up voting against silo {Silo} after {Attempts} conflicting writes; it retries next probe")]
    public static partial void VoteGaveUp(ILogger logger, SiloAddress prober, SiloAddress silo, int attempts);

    [LoggerMessage(8113, LogLevel.Warning, "Cluster client failed to refresh the membership snapshot; it retries next period")]
    public static partial void ReaderRefreshFailed(ILogger logger, Exception exception);

    [LoggerMessage(8114, LogLevel.Error, "A subscriber to membership snapshot {Version} failed")]
    public static partial void SnapshotHandlerFailed(ILogger logger, Exception exception, long version);
}
