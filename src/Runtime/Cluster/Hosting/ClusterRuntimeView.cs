using System.Text.Json;
using MindPeeker.Runtime.Cluster.Routing;
using MindPeeker.Runtime.Hosting;
using MindPeeker.Runtime.Messaging;

namespace MindPeeker.Runtime.Cluster.Hosting;

/// <summary>
/// Asks every active (or draining) silo of the membership table for its statistics over its connection; the
/// local silo, when this process is one, answers directly.
/// </summary>
internal sealed class ClusterRuntimeView(
    IClusterMembershipService membership,
    Func<SiloAddress, CancellationToken, ValueTask<IMessageConnection>> connect,
    Func<SiloAddress, SiloRuntimeReport?>? local) : IClusterRuntimeView
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(5);

    public async Task<IReadOnlyList<SiloRuntimeReport>> GetSilosAsync(CancellationToken cancellationToken = default)
    {
        var silos = membership.CurrentSnapshot.Entries.Values
            .Where(e => e.Status is SiloStatus.Active or SiloStatus.ShuttingDown or SiloStatus.Joining)
            .OrderBy(e => e.Address.ToString(), StringComparer.Ordinal)
            .ToList();
        var reports = await Task.WhenAll(silos.Select(entry => AskAsync(entry, cancellationToken))).ConfigureAwait(false);
        return reports;
    }

    private async Task<SiloRuntimeReport> AskAsync(MembershipEntry entry, CancellationToken cancellationToken)
    {
        if (local?.Invoke(entry.Address) is { } own)
        {
            return own;
        }

        try
        {
            var connection = await connect(entry.Address, cancellationToken).ConfigureAwait(false);
            var response = await connection.SendRequestAsync(
                new Message { Kind = MessageKind.Request, InterfaceName = SystemRequests.Statistics }, AskTimeout, cancellationToken).ConfigureAwait(false);
            if (response.Status == ResponseStatus.Ok && JsonSerializer.Deserialize<SiloRuntimeReport>(response.Body.Span) is { } report)
            {
                return report;
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Reported below as unreachable.
        }

        return new SiloRuntimeReport(entry.Address.ToString(), entry.SiloName, entry.Roles, "Unreachable", entry.StartTime, 0, new Dictionary<string, int>());
    }
}
